using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Core.Accounts;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>The status of an error page is the one that happened: never a posted field's, and 503 for a store that cannot take writes.</summary>
public sealed class ErrorStatusTests
{
    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task ErrorPage_CodeInFormOrQuery_DoesNotChooseTheStatus(string method)
    {
        using var factory = PortalFactory.Empty();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), "/error/404?code=503");
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "503" });
        }

        var response = await client.SendAsync(request);
        var document = await PortalFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("页面不存在", document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task ErrorResponses_CarryTheSecurityHeaders()
    {
        using var broken = new ProductionPortalFactory(TestDatabase.UnreachableSqliteSettings());
        using var working = new ProductionPortalFactory(new Dictionary<string, string?> { ["Import:SeedOnStartup"] = "false" });

        var exception = await broken.CreateClient().GetAsync("/");
        var notFound = await working.CreateClient().GetAsync("/no-such-page");
        var badRequest = await working.CreateClient().PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRequest.StatusCode);
        Assert.All([exception, notFound, badRequest], response =>
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        });
    }

    [Fact]
    [Trait("Store", TestDatabase.SqliteOnly)]
    public async Task ReadOnlyDatabase_AdminSave_Is503WithRetryAfter_AndNotReady()
    {
        using var writable = PortalFactory.Empty(new Dictionary<string, string?> { ["Publishing:Enabled"] = "false" });
        await StaffAccounts.CreateAsync(writable, "ro-editor", PortalRoles.Editor);
        var sectionId = await TestContent.AddSectionAsync(writable, "新闻中心", "新闻", "xinwen");
        using var signIn = writable.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await StaffAccounts.PostLoginAsync(signIn, "ro-editor", StaffAccounts.Password);
        var authCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal)).Split(';')[0];

        // A second server on the same store, opened read-only as SQLite does for a read-only file
        // or medium (chmod does not stop root, so the connection string does it here).
        using var readOnly = new ProductionPortalFactory(new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = writable.DataPath,
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(writable.DataPath, "portal.db")};Mode=ReadOnly",
            ["Database:MigrateOnStartup"] = "false",
            ["Import:SeedOnStartup"] = "false",
            ["Publishing:Enabled"] = "false",
            ["Search:IndexerEnabled"] = "false",
        });
        using var client = readOnly.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // Reading still works: the editor sees the form.
        using var get = new HttpRequestMessage(HttpMethod.Get, "/admin/articles/create");
        get.Headers.Add("Cookie", authCookie);
        var page = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var token = (await PortalFactory.ParseAsync(page)).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var form = EditorialFixture.ArticleForm("只读时保存", sectionId, "正文");
        form["__RequestVerificationToken"] = token;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/articles/create") { Content = new FormUrlEncodedContent(form) };
        post.Headers.Add("Cookie", $"{authCookie}; {antiforgeryCookie}");
        var save = await client.SendAsync(post);
        var document = await PortalFactory.ParseAsync(save);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
        Assert.Equal("30", save.Headers.GetValues("Retry-After").Single());
        Assert.Equal("服务暂时不可用", document.QuerySelector("h1")!.TextContent.Trim());

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signIn.GetAsync("/health/ready")).StatusCode);
    }
}
