using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Accounts;

/// <summary>The login page: local return only, lockout, antiforgery, disabled accounts, audit.</summary>
public sealed class LoginTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = PortalFactory.Empty();

    public async Task InitializeAsync()
    {
        await StaffAccounts.CreateAsync(_factory, "editor1", PortalRoles.Editor);
        await StaffAccounts.CreateAsync(_factory, "victim", PortalRoles.Editor);
        await StaffAccounts.CreateAsync(_factory, "gone", PortalRoles.Editor);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AdminPage_Anonymous_RedirectsToChineseLoginPage()
    {
        var client = NewClient();

        var response = await client.GetAsync("/admin");
        var (login, document) = await _factory.GetDocumentAsync(response.Headers.Location!.OriginalString, client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/account/login?returnUrl=%2Fadmin", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("登录管理后台", document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Login_WithLocalReturnUrl_ReturnsThere()
    {
        var response = await StaffAccounts.PostLoginAsync(NewClient(), "editor1", StaffAccounts.Password, "/admin/articles");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/articles", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_WithNonAsciiLocalReturnUrl_RedirectsThereEncoded_NotA500()
    {
        var response = await StaffAccounts.PostLoginAsync(NewClient(), "editor1", StaffAccounts.Password, "/admin/articles?search=民族¿");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/articles?search=%E6%B0%91%E6%97%8F%C2%BF", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task Login_WithExternalReturnUrl_GoesToTheDashboardInstead(string returnUrl)
    {
        var response = await StaffAccounts.PostLoginAsync(NewClient(), "editor1", StaffAccounts.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_Is400()
    {
        var response = await NewClient().PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "editor1",
            ["Password"] = StaffAccounts.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var client = NewClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await StaffAccounts.PostLoginAsync(client, "victim", "Wrong-Passw0rd-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await StaffAccounts.PostLoginAsync(client, "victim", StaffAccounts.Password);
        var page = await PortalFactory.ParseAsync(right);

        // The refusal is the same one every failure gets: it does not say the account is locked.
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(Portal.Web.Areas.Admin.Controllers.AccountController.RefusedMessage, page.QuerySelector(".form-errors")!.TextContent.Trim());
        var lockoutEnd = await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "victim").Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));

        // Six failures in one window: audited once at the first, the rest as a count later.
        var failures = await _factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.LoginFailed && e.UserName == "victim"));
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task Login_DisabledAccount_IsRefused()
    {
        await _factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "gone");
            user.IsDisabled = true;
            return await db.SaveChangesAsync();
        });

        var response = await StaffAccounts.PostLoginAsync(NewClient(), "gone", StaffAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_OverRealLoopbackServer_IsAuditedWithUserAndAddress()
    {
        // TestServer has no client address; a real Kestrel server on a loopback port does.
        using var server = new PortalFactory(_factory.Settings.ToDictionary());
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };

        var response = await StaffAccounts.PostLoginAsync(client, "editor1", StaffAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await _factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.Login && e.UserName == "editor1").OrderBy(e => e.Id).LastAsync());
        Assert.NotNull(entry.UserId);
        Assert.Equal("127.0.0.1", entry.IpAddress);
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlyAndSameSiteLax()
    {
        var response = await StaffAccounts.PostLoginAsync(NewClient(), "editor1", StaffAccounts.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal));

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AuditLog_CannotBeRewritten()
    {
        await StaffAccounts.SignInAsync(_factory, "editor1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _factory.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            entry.Details = "rewritten";
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditViewer_AsAdmin_ListsEntriesAndFiltersByActionAndUser()
    {
        await StaffAccounts.CreateAsync(_factory, "auditor", PortalRoles.Admin);
        var admin = await StaffAccounts.SignInAsync(_factory, "auditor");
        await StaffAccounts.PostLoginAsync(NewClient(), "editor1", "Wrong-Passw0rd-x");

        var (allResponse, all) = await _factory.GetDocumentAsync("/admin/audit", admin);
        var (failedResponse, failed) = await _factory.GetDocumentAsync("/admin/audit?Op=account.login-failed", admin);
        var (byUserResponse, byUser) = await _factory.GetDocumentAsync("/admin/audit?UserName=auditor", admin);

        Assert.All([allResponse, failedResponse, byUserResponse], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var allRows = all.QuerySelectorAll("table.audit-log tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(allRows, r => r.Contains("登录失败", StringComparison.Ordinal) && r.Contains("editor1", StringComparison.Ordinal));
        Assert.Contains(allRows, r => r.Contains("登录", StringComparison.Ordinal) && r.Contains("auditor", StringComparison.Ordinal));
        var failedRows = failed.QuerySelectorAll("table.audit-log tbody tr").Select(r => r.TextContent).ToList();
        Assert.NotEmpty(failedRows);
        Assert.All(failedRows, r => Assert.Contains("登录失败", r, StringComparison.Ordinal));
        var byUserRows = byUser.QuerySelectorAll("table.audit-log tbody tr");
        Assert.NotEmpty(byUserRows);
        Assert.All(byUserRows, r => Assert.Contains("auditor", r.TextContent, StringComparison.Ordinal));
        Assert.Empty(all.QuerySelectorAll("form[action*='audit'][method='post']"));
    }

    [Fact]
    public async Task KeepAlive_SignedIn_AnswersNoContentAndNeedsAToken()
    {
        var client = await StaffAccounts.SignInAsync(_factory, "editor1");
        var token = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin");

        var withToken = await client.PostAsync("/admin/account/keepalive", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var withoutToken = await client.PostAsync("/admin/account/keepalive", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.NoContent, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    private HttpClient NewClient() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
