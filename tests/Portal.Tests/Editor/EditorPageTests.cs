using System.Net;
using System.Text.Json;
using Portal.Core.Accounts;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;
using Portal.Web.Hosting;

namespace Portal.Tests.Editor;

/// <summary>
/// The article form's markup for the visual editor, and the one content security policy
/// exception it needs: inline style attributes on the editor pages, and nowhere else.
/// </summary>
public sealed class EditorPageTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = PortalFactory.Empty();
    private HttpClient _admin = null!;
    private int _sectionId;
    private int _articleId;

    public async Task InitializeAsync()
    {
        _sectionId = await TestContent.AddSectionAsync(_factory, "新闻中心", "新闻", "xinwen");
        _articleId = await _factory.WithDbAsync(async db =>
        {
            var section = await db.Sections.FindAsync(_sectionId);
            var article = TestContent.Article("k1", "已有文章", section!, TestContent.Epoch);
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        await StaffAccounts.CreateAsync(_factory, "guanli", PortalRoles.Admin);
        _admin = await StaffAccounts.SignInAsync(_factory, "guanli");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    private static string[] Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToArray();

    private static string Policy(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();

    [Fact]
    public async Task EditorPages_GetExactlyTheStyleAttributeException()
    {
        var create = await _admin.GetAsync("/admin/articles/create");
        var edit = await _admin.GetAsync($"/admin/articles/edit/{_articleId}");
        // A form sent back with an error renders the editor again.
        var token = await StaffAccounts.AntiforgeryTokenAsync(_admin, "/admin/articles/create");
        var form = EditorialFixture.ArticleForm("", _sectionId, "正文");
        form["__RequestVerificationToken"] = token;
        var refused = await _admin.PostAsync("/admin/articles/create", new FormUrlEncodedContent(form));

        foreach (var response in new[] { create, edit, refused })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(SecurityHeadersMiddleware.EditorContentSecurityPolicy, Policy(response));
            // The strict policy plus the two style directives, nothing else.
            Assert.Equal(
                Directives(SecurityHeadersMiddleware.ContentSecurityPolicy + "; style-src-elem 'self'; style-src-attr 'unsafe-inline'"),
                Directives(Policy(response)));
            Assert.Contains("script-src 'self'", Policy(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OtherPages_KeepTheStrictPolicy()
    {
        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
        // The exception follows the endpoint and its answer, not the address: signed out, the
        // create page's address answers with the sign-in redirect, which keeps the strict policy.
        foreach (var (client, url, editor) in new[]
        {
            (anonymous, "/", false), (anonymous, "/articles/k1", false), (anonymous, "/contact", false),
            (anonymous, "/no-such-page", false), (anonymous, "/admin/account/login", false),
            (anonymous, "/admin/articles/create", false),
            (_admin, "/admin", false), (_admin, "/admin/articles", false), (_admin, "/admin/media", false),
            (_admin, "/admin/settings", false), (_admin, $"/admin/articles/history/{_articleId}", false),
            (_admin, "/admin/articles/edit/999999", false),
            (_admin, "/admin/articles/create?from=dashboard", true),
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(editor == (Policy(response) == SecurityHeadersMiddleware.EditorContentSecurityPolicy), url);
            if (!editor)
            {
                Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Policy(response));
            }
        }

        Assert.DoesNotContain("unsafe", SecurityHeadersMiddleware.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheArticleFormsCarryTheException()
    {
        var marked = AdminEndpoints.All(_factory)
            .Where(e => e.Endpoint.Metadata.GetMetadata<AllowInlineStyleAttributesAttribute>() is not null)
            .Select(e => $"{string.Join(",", e.Methods)} /{e.Endpoint.RoutePattern.RawText!.TrimStart('/')}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            ["GET /admin/articles/create", "GET /admin/articles/edit/{id:int}", "POST /admin/articles/create", "POST /admin/articles/edit/{id:int}"],
            marked);
    }

    [Fact]
    public async Task EditPage_KeepsTheTextareaAndDescribesTheEditor()
    {
        var (response, page) = await _factory.GetDocumentAsync($"/admin/articles/edit/{_articleId}", _admin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Without JavaScript the textarea is the body field (contract C4).
        var textarea = page.QuerySelector("textarea#Input_BodyMarkdown[name='Input.BodyMarkdown']");
        Assert.NotNull(textarea);
        Assert.Equal("正文", page.QuerySelector("label#body-label[for='Input_BodyMarkdown']")!.TextContent.Trim());

        var host = page.QuerySelector("[data-visual-editor]")!;
        Assert.True(host.HasAttribute("hidden"));
        Assert.Equal("/admin/editor/paste", host.GetAttribute("data-paste-url"));
        Assert.Equal("/admin/media/picker", host.GetAttribute("data-picker-url"));
        Assert.Equal("/admin/media/upload", host.GetAttribute("data-upload-url"));
        var placeholders = JsonSerializer.Deserialize<string[]>(host.GetAttribute("data-placeholder-alts")!)!;
        Assert.Equal(Portal.Core.Media.AltTextRules.Placeholders, placeholders);
        Assert.Contains("说明文字", placeholders);

        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!.Split('?')[0]).ToList();
        Assert.Equal(["/js/admin.js", "/lib/editor/editor.js", "/js/editor.js"], scripts);
        Assert.Contains(page.QuerySelectorAll("link[rel='stylesheet']"), l => l.GetAttribute("href")!.StartsWith("/lib/editor/editor.css?v=", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("script:not([src]), [style]"));
    }

    [Fact]
    public async Task OtherAdminPages_DoNotLoadTheEditor()
    {
        foreach (var url in new[] { "/admin", "/admin/articles", "/admin/media", $"/admin/articles/history/{_articleId}" })
        {
            var (_, page) = await _factory.GetDocumentAsync(url, _admin);
            Assert.DoesNotContain(page.QuerySelectorAll("script[src], link[href]"), e =>
                (e.GetAttribute("src") ?? e.GetAttribute("href"))!.Contains("editor", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task EditorBundle_IsServedFromThisSite()
    {
        var client = _factory.CreateClient();
        foreach (var url in new[] { "/lib/editor/editor.js", "/lib/editor/editor.css", "/js/editor.js" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, url);
        }
    }
}
