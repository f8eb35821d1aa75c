using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Accounts;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Finding 3: a <c>portal.auth</c> cookie saved before sign-out still opened /admin afterwards, and
/// a disabled account or a changed role kept working for up to ~60 s. Sessions are now records on
/// the server, checked on every request, with an idle timeout and an absolute lifetime.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly EditorialPortalFactory _factory;
    private string _editorId = "";

    public SessionTests()
    {
        _factory = Create(_time);
    }

    private static EditorialPortalFactory Create(FakeTimeProvider time) => new(time);

    public async Task InitializeAsync()
    {
        _editorId = await StaffAccounts.CreateAsync(_factory, "writer", PortalRoles.Editor);
        await StaffAccounts.CreateAsync(_factory, "boss", PortalRoles.Admin);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SavedCookie_AfterSignOut_NoLongerOpensTheAdminArea()
    {
        var cookie = await SignInForCookieAsync("writer");
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/admin", cookie)).StatusCode);

        // Sign out with the same cookie, as the browser would.
        var client = NewClient();
        var token = await TokenWithCookieAsync(client, cookie);
        var logout = new HttpRequestMessage(HttpMethod.Post, "/admin/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token.Value }),
        };
        logout.Headers.Add("Cookie", $"{cookie}; {token.Cookie}");
        var signedOut = await client.SendAsync(logout);
        Assert.Equal("/admin/account/login?reason=signedout", signedOut.Headers.Location!.OriginalString);

        // The copy of the cookie an attacker kept is refused.
        var replay = await GetWithCookieAsync("/admin", cookie);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/admin/account/login", replay.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (_, page) = await _factory.GetDocumentAsync("/admin/account/login?reason=signedout");
        Assert.Contains("您已安全退出", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsOpenSession_AtTheNextRequest()
    {
        var writer = await StaffAccounts.SignInAsync(_factory, "writer");
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/admin")).StatusCode);

        await _factory.WithScopeAsync(services => services.GetRequiredService<UserAdminService>().SetDisabledAsync(_editorId, null, disabled: true));

        var after = await writer.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("reason=ended", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingTheRole_EndsTheOpenSession_AtTheNextRequest()
    {
        var writer = await StaffAccounts.SignInAsync(_factory, "writer");
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/admin/articles")).StatusCode);
        var bossId = await _factory.WithScopeAsync(async s => (await s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>().FindByNameAsync("boss"))!.Id);

        var changed = await _factory.WithScopeAsync(services => services.GetRequiredService<UserAdminService>()
            .UpdateAsync(_editorId, bossId, new UserChange("writer", PortalRoles.Reviewer, [])));
        Assert.True(changed.Succeeded);

        var after = await writer.GetAsync("/admin/articles");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/admin/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdleFor30Minutes_TheSessionExpires_AndTheLoginPageSaysSo()
    {
        var writer = await StaffAccounts.SignInAsync(_factory, "writer");
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/admin")).StatusCode);

        _time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        var after = await writer.GetAsync("/admin/articles");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        var location = after.Headers.Location!.OriginalString;
        Assert.Equal("/admin/account/login?returnUrl=%2Fadmin%2Farticles&reason=expired", location);
        var (_, page) = await _factory.GetDocumentAsync(location);
        Assert.Contains("登录已过期", page.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusyFor12Hours_TheSessionEndsAnyway()
    {
        var writer = await StaffAccounts.SignInAsync(_factory, "writer");
        for (var minutes = 0; minutes < 12 * 60 - 20; minutes += 20)
        {
            _time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/admin")).StatusCode);
        }

        _time.Advance(TimeSpan.FromMinutes(21));
        var after = await writer.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("reason=expired", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepAlive_FromAScript_AfterExpiry_Is401_NotALoginPage()
    {
        var writer = await StaffAccounts.SignInAsync(_factory, "writer");
        var token = await StaffAccounts.AntiforgeryTokenAsync(writer, "/admin/articles/create");
        _time.Advance(TimeSpan.FromMinutes(31));

        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/account/keepalive")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("X-Requested-With", "fetch");
        var response = await writer.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient NewClient() =>
        _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in by hand and returns the login cookie (<c>portal.auth=…</c>), as a thief would copy it.</summary>
    private async Task<string> SignInForCookieAsync(string userName)
    {
        var client = NewClient();
        var page = await client.GetAsync("/admin/account/login");
        var antiforgeryCookie = CookiePair(page, ".AspNetCore.Antiforgery");
        var document = await PortalFactory.ParseAsync(page);
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = StaffAccounts.Password,
                ["__RequestVerificationToken"] = document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return CookiePair(response, "portal.auth");
    }

    private static async Task<(string Value, string Cookie)> TokenWithCookieAsync(HttpClient client, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        var document = await PortalFactory.ParseAsync(response);
        return (document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!, CookiePair(response, ".AspNetCore.Antiforgery"));
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await NewClient().SendAsync(request);
    }

    private static string CookiePair(HttpResponseMessage response, string namePrefix) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First(c => c.StartsWith(namePrefix, StringComparison.Ordinal));
}
