using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Tests.Infrastructure;
using Portal.Web.Accounts;

namespace Portal.Tests.Security;

/// <summary>
/// Finding 4: wrk against the login form wrote ~9,600 audit rows in 15 s. Sign-ins are now limited
/// per user name (the framework's rate limiter), and failures are audited once per name and
/// window, with a count.
/// </summary>
public sealed class SignInLimitTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = PortalFactory.Empty(new Dictionary<string, string?>
    {
        ["RateLimits:SignInPerAccountPermits"] = "3",
        ["RateLimits:SignInPerAccountWindowSeconds"] = "600",
    });

    public async Task InitializeAsync() => await StaffAccounts.CreateAsync(_factory, "someone", PortalRoles.Editor);

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("someone")]
    [InlineData("no-such-user")]
    public async Task FourthSignIn_ForOneName_Is429_WithRetryAfter_AndAChineseMessage(string userName)
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await StaffAccounts.PostLoginAsync(NewClient(), userName, "Wrong-Passw0rd-" + i)).StatusCode);
        }

        var limited = await StaffAccounts.PostLoginAsync(NewClient(), userName, StaffAccounts.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
        Assert.Contains("登录尝试过于频繁", (await PortalFactory.ParseAsync(limited)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);

        // Another name is not affected.
        Assert.Equal(HttpStatusCode.OK, (await StaffAccounts.PostLoginAsync(NewClient(), "other-name", "Wrong-Passw0rd-x")).StatusCode);
    }

    private HttpClient NewClient() =>
        _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

/// <summary>Failed sign-ins in a flood become two audit entries: the first at once, the rest as a count.</summary>
public sealed class SignInFailureAuditTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = PortalFactory.Empty();

    public async Task InitializeAsync() => await StaffAccounts.CreateAsync(_factory, "flooded", PortalRoles.Editor);

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FiftyFailures_ForOneName_AreAuditedOnce_ThenAsOneCount()
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/account/login");
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = i % 2 == 0 ? "flooded" : "FLOODED",
            ["Password"] = "Wrong-Passw0rd-" + i,
            ["__RequestVerificationToken"] = token,
        }))));

        Assert.Equal(1, await CountAsync());

        // The window's count is written when it closes (here: at shutdown's flush).
        await _factory.Services.GetRequiredService<SignInFailureAudit>().FlushAsync(all: true);
        var entries = await _factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.LoginFailed).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Contains("又失败 49 次", entries[1].Details, StringComparison.Ordinal);
    }

    private Task<int> CountAsync() => _factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.LoginFailed));
}
