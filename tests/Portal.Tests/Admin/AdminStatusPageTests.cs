using System.Net;
using AngleSharp.Dom;
using Portal.Tests.Admin.Site;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>
/// 403 and 404 of admin addresses stay in the admin area (its layout, its menu, a way back to
/// 控制台) with their status; public addresses keep the public error page.
/// </summary>
public sealed class AdminStatusPageTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    private static void AssertAdminPage(IDocument page, string title)
    {
        Assert.Equal(title, page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("header.admin-header nav.admin-nav a[href='/admin']"));
        Assert.Equal("返回控制台", page.QuerySelector("main a[href='/admin']")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("header.site-header"));
    }

    [Fact]
    public async Task Editor_OpensUsers_Gets403InsideTheAdminLayout()
    {
        var (response, page) = await fixture.Factory.GetDocumentAsync("/admin/users", fixture.Editor);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertAdminPage(page, "没有权限");
        Assert.Contains("没有使用此功能的权限", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The editor's own menu: no administrator entries.
        Assert.Null(page.QuerySelector("nav.admin-nav a[href='/admin/users']"));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Editor_PostsAnAdministratorsAction_Gets403InsideTheAdminLayout()
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Editor, "/admin/sections/create", new Dictionary<string, string> { ["Input.Name"] = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertAdminPage(await PortalFactory.ParseAsync(response), "没有权限");
    }

    [Theory]
    [InlineData("/admin/no-such-page")]
    [InlineData("/admin/sections/edit/999999")]
    [InlineData("/admin/no/such/page")]
    public async Task Staff_UnknownAdminAddress_Gets404InsideTheAdminLayout(string path)
    {
        var (response, page) = await fixture.Factory.GetDocumentAsync(path, fixture.Admin);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertAdminPage(page, "页面不存在");
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/administration-notes")]
    public async Task PublicAddress_KeepsThePublicErrorPage(string path)
    {
        var (response, page) = await fixture.Factory.GetDocumentAsync(path, fixture.Reader);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("页面不存在", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("header.site-header"));
        Assert.Null(page.QuerySelector("header.admin-header"));
    }
}
