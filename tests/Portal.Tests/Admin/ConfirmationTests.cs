using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Accounts;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>
/// Every form that deletes, removes, disables, resets, revokes, withdraws, force-publishes,
/// restores an old revision, purges or acts in bulk asks first: each of its submit buttons carries
/// <c>data-confirm</c> (admin.js asks with it). The pages are every admin GET endpoint of a seeded
/// portal (discovered from the route table, as the antiforgery test does), plus the pages whose
/// forms need a thing to act on: an article's edit page and history, the recycle bin, a user with
/// a second factor, an uploaded file, an empty section and footer group.
/// </summary>
public sealed partial class ConfirmationTests : IAsyncLifetime, IDisposable
{
    private readonly PortalFactory _factory = new();

    private string _reviewerId = "";

    public async Task InitializeAsync()
    {
        await StaffAccounts.CreateAsync(_factory, "confirm-admin", PortalRoles.Admin);
        _reviewerId = await StaffAccounts.CreateAsync(_factory, "confirm-reviewer", PortalRoles.Reviewer);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    /// <summary>A path segment that names an action which cannot simply be undone.</summary>
    [GeneratedRegex(@"(^|/)(delete\w*|remove\w*|disable\w*|reset\w*|revoke\w*|withdraw\w*|forcepublish|restorerevision|purge\w*|bulk\w*|empty\w*|setpassword|recoverycodes)(/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Destructive();

    [Fact]
    public async Task AdminPages_EveryDestructiveForm_AsksForConfirmationOnEachSubmitButton()
    {
        using var admin = await StaffAccounts.SignInAsync(_factory, "confirm-admin");
        var extra = await ArrangeAsync(admin);
        var pages = AdminEndpoints.All(_factory).Where(e => e.Methods.Contains("GET")).Select(e => e.Path).Concat(extra).Distinct().ToList();

        var missing = new List<string>();
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var (response, document) = await _factory.GetDocumentAsync(page, admin);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.False(extra.Contains(page), $"{page} answered {(int)response.StatusCode}");
                continue;
            }

            foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var button in SubmitButtons(form))
                {
                    var action = Path(button.GetAttribute("formaction") ?? form.GetAttribute("action") ?? page);
                    if (!Destructive().IsMatch(action))
                    {
                        continue;
                    }

                    var kind = Kind(action);
                    if (string.IsNullOrWhiteSpace(button.GetAttribute("data-confirm")))
                    {
                        missing.Add($"{page}: “{button.TextContent.Trim()}” → {action}");
                    }
                    else
                    {
                        asked.Add(kind);
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "destructive forms without data-confirm on their submit button:\n" + string.Join("\n", missing.Distinct()));

        // The walk reached the forms it is about (a page that stopped rendering them would pass silently).
        string[] expected =
        [
            "sections/delete", "footerlinks/deletegroup", "footerlinks/deletelink", "home/delete", "home/deletelink", "users/disable", "users/resettwofactor",
            "users/setpassword", "media/delete", "articles/delete", "articles/restorerevision", "account/recoverycodes",
        ];
        Assert.All(expected, kind => Assert.Contains(kind, asked));
    }

    /// <summary>Things for the forms to act on; returns the pages that show them.</summary>
    private async Task<List<string>> ArrangeAsync(HttpClient admin)
    {
        await TestContent.AddSectionAsync(_factory, "待删栏目", "待删", "confirm-empty");
        var sectionId = await TestContent.AddSectionAsync(_factory, "确认测试栏目", "确认", "confirm-articles");
        var group = await SiteAdminFormsAsync(admin, "/admin/footerlinks/creategroup", new() { ["Name"] = "待删分组" });
        Assert.Equal(HttpStatusCode.Redirect, group.StatusCode);
        var quickLinks = await SiteAdminFormsAsync(admin, "/admin/home/add", new() { ["Input.Kind"] = "QuickLinks", ["Input.Count"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, quickLinks.StatusCode);
        var blockId = await _factory.WithDbAsync(db => db.HomeBlocks.Where(b => b.Kind == Portal.Core.Home.HomeBlockKind.QuickLinks).Select(b => b.Id).SingleAsync());
        var homeLink = await SiteAdminFormsAsync(admin, $"/admin/home/addlink?blockId={blockId}", new() { ["Input.Label"] = "待删链接", ["Input.Url"] = "https://www.gov.cn/" });
        Assert.Equal(HttpStatusCode.Redirect, homeLink.StatusCode);

        // An article saved twice (an older revision to restore) and one in the recycle bin.
        var articleId = await EditorialFixture.CreateAsync(admin, EditorialFixture.ArticleForm("确认测试", sectionId, "第一版"));
        var (saved, _) = await EditorialFixture.PostAsync(admin, $"/admin/articles/edit/{articleId}", EditorialFixture.ArticleForm("确认测试", sectionId, "第二版", version: 1));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var binned = await EditorialFixture.CreateAsync(admin, EditorialFixture.ArticleForm("回收站测试", sectionId, "正文"));
        var (deleted, _) = await EditorialFixture.PostAsync(admin, $"/admin/articles/delete/{binned}", EditorialFixture.V(1));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.True(await _factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == binned && a.DeletedAt != null)));

        var token = await StaffAccounts.AntiforgeryTokenAsync(admin, "/admin/media");
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestContent.TinyPng);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        upload.Add(file, "file", "confirm.png");
        upload.Add(new StringContent(token), "__RequestVerificationToken");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/media/upload", upload)).StatusCode);

        return
        [
            "/admin/sections", "/admin/footerlinks", "/admin/media", "/admin/articles/bin", "/admin/account/security",
            $"/admin/articles/edit/{articleId}", $"/admin/articles/history/{articleId}", $"/admin/users/edit/{_reviewerId}",
        ];
    }

    private static async Task<HttpResponseMessage> SiteAdminFormsAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/media");
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static IEnumerable<IElement> SubmitButtons(IElement form) =>
        form.QuerySelectorAll("button, input[type=submit], input[type=image]")
            .Where(b => b.LocalName != "button" || (b.GetAttribute("type") ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase));

    private static string Path(string action)
    {
        var end = action.IndexOfAny(['?', '#']);
        return (end < 0 ? action : action[..end]).ToLowerInvariant();
    }

    /// <summary>"articles/delete" for "/admin/articles/delete/12".</summary>
    private static string Kind(string path)
    {
        var segments = path.Trim('/').Split('/');
        var at = Array.FindIndex(segments, s => Destructive().IsMatch(s));
        return at > 0 ? string.Join('/', segments[(at - 1)..(at + 1)]) : path;
    }
}
