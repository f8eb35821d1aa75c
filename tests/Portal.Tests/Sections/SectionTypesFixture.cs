using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Core.Sections;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sections;

/// <summary>
/// An empty portal whose clock is a <see cref="FakeTimeProvider"/>, with an administrator, an
/// editor and a reviewer signed in through the real login form, and helpers to post the section
/// form and read the pages readers get. Each test class gets its own store.
/// </summary>
public sealed class SectionTypesFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 5, 1, 2, 0, 0, TimeSpan.Zero));

    public EditorialPortalFactory Factory { get; }

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Editor { get; private set; } = null!;

    public HttpClient Reviewer { get; private set; } = null!;

    /// <summary>No cookies, no redirects: a reader.</summary>
    public HttpClient Reader { get; private set; } = null!;

    public SectionTypesFixture()
    {
        Factory = new EditorialPortalFactory(Time);
    }

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync()
    {
        _ = Factory.Services;
        await StaffAccounts.CreateAsync(Factory, "types-admin", PortalRoles.Admin, displayName: "管理员甲");
        await StaffAccounts.CreateAsync(Factory, "types-editor", PortalRoles.Editor, displayName: "编辑甲");
        await StaffAccounts.CreateAsync(Factory, "types-reviewer", PortalRoles.Reviewer, displayName: "审核甲");
        Admin = await StaffAccounts.SignInAsync(Factory, "types-admin");
        Editor = await StaffAccounts.SignInAsync(Factory, "types-editor");
        Reviewer = await StaffAccounts.SignInAsync(Factory, "types-reviewer");
        Reader = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public Task DisposeAsync()
    {
        Admin.Dispose();
        Editor.Dispose();
        Reviewer.Dispose();
        Reader.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The section form's fields; the type fields only when given.</summary>
    public static Dictionary<string, string> Form(
        string name, string slug, string? kind = null, string? updateClass = null, bool? hideWhenEmpty = null, string? linkUrl = null, int? parentId = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.MenuLabel"] = name,
            ["Input.Slug"] = slug,
            ["Input.ParentId"] = parentId?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["Input.ShowInMenu"] = "true",
        };
        if (kind is not null)
        {
            form["Input.Kind"] = kind;
        }

        if (updateClass is not null)
        {
            form["Input.UpdateClass"] = updateClass;
        }

        if (hideWhenEmpty is not null)
        {
            form["Input.HideWhenEmpty"] = hideWhenEmpty.Value ? "true" : "false";
        }

        if (linkUrl is not null)
        {
            form["Input.LinkUrl"] = linkUrl;
        }

        return form;
    }

    /// <summary>Posts a form as the client's user, with an antiforgery token from the section list.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/articles/create"),
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>Creates a section through the admin form (asserting it succeeded); returns its id.</summary>
    public async Task<int> CreateSectionAsync(Dictionary<string, string> form)
    {
        var response = await PostAsync(Admin, "/admin/sections/create", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await PortalFactory.ParseAsync(response)).QuerySelector("main")?.TextContent);
        return (await SectionAsync(form["Input.Slug"]))!.Id;
    }

    public Task<Section?> SectionAsync(string slug) =>
        Factory.WithDbAsync(db => db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug));

    /// <summary>Stores a published article in a section, visible from <paramref name="publishedAt"/>; returns its URL key.</summary>
    public Task<string> AddArticleAsync(int sectionId, string key, string title, DateTime publishedAt, ArticleStatus status = ArticleStatus.Published) =>
        Factory.WithDbAsync(async db =>
        {
            var section = await db.Sections.SingleAsync(s => s.Id == sectionId);
            db.Articles.Add(TestContent.Article(key, title, section, publishedAt, status));
            await db.SaveChangesAsync();
            return key;
        });

    /// <summary>The main menu's entries as readers see them on the home page: label → href.</summary>
    public async Task<Dictionary<string, string>> MenuAsync()
    {
        var (_, page) = await Factory.GetDocumentAsync("/", Reader);
        return page.QuerySelectorAll("nav.main-nav a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
    }

    /// <summary>The 网站地图 page's links: text → href.</summary>
    public async Task<Dictionary<string, string>> SiteMapAsync()
    {
        var (_, page) = await Factory.GetDocumentAsync("/sitemap", Reader);
        return page.QuerySelectorAll("ul.site-map a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
    }

    /// <summary>The paths in sitemap.xml (<c>/xinwen</c>, <c>/articles/…</c>).</summary>
    public async Task<List<string>> SitemapXmlPathsAsync()
    {
        var (_, xml) = await Factory.GetXmlAsync("/sitemap.xml", Reader);
        return xml.Descendants(Feeds.SitemapTests.Sitemaps + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
    }

    public Task<(HttpResponseMessage Response, IDocument Document)> ReadAsync(string path) => Factory.GetDocumentAsync(path, Reader);
}
