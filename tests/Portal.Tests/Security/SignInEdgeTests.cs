using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// The edges of sign-in that a review found: tries given back when the password was right,
/// a count that can never stay at the limit without a lockout, an unconfirmed authenticator key
/// that does not outlive its session, bounded input, and a recovery code sent twice at once.
/// </summary>
public sealed class SignInEdgeTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = PortalFactory.Empty();

    public async Task InitializeAsync()
    {
        await StaffAccounts.CreateAsync(_factory, "chief", PortalRoles.Admin);
        await StaffAccounts.CreateAsync(_factory, "plain", PortalRoles.Editor);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RightPassword_ForASecondFactorAccount_GivesItsTryBack()
    {
        for (var i = 0; i < 4; i++)
        {
            await StaffAccounts.PostLoginAsync(NewClient(), "chief", "Wrong-Passw0rd-" + i);
        }

        // The password step passes and the second step is never finished, twice.
        for (var i = 0; i < 2; i++)
        {
            var first = await StaffAccounts.PostLoginAsync(NewClient(), "chief", StaffAccounts.Password);
            Assert.Equal("/admin/account/twofactor", first.Headers.Location!.OriginalString);
        }

        var (count, lockoutEnd) = await StateAsync("chief");
        Assert.Equal(4, count);
        Assert.Null(lockoutEnd);
        Assert.NotNull(await StaffAccounts.SignInAsync(_factory, "chief"));
    }

    [Fact]
    public async Task CountAtTheLimitWithoutALockout_GetsOne_SoItRunsOut()
    {
        await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "plain").ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 5)));

        var response = await StaffAccounts.PostLoginAsync(NewClient(), "plain", StaffAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, lockoutEnd) = await StateAsync("plain");
        Assert.NotNull(lockoutEnd);
    }

    [Fact]
    public async Task UnconfirmedAuthenticatorKey_IsReplacedAtTheNextSignIn()
    {
        await _factory.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByNameAsync("plain"))!;
            return await users.AddToRoleAsync(user, PortalRoles.Reviewer);
        });

        // Someone with the password signs in and reads the key offered for enrolment…
        var first = await StaffAccounts.SignInAsync(_factory, "plain");
        var (_, page) = await _factory.GetDocumentAsync("/admin/account/security", first);
        var seen = page.QuerySelector(".shared-key")!.TextContent;

        // …the holder signs in later and is offered another one.
        var holder = await StaffAccounts.SignInAsync(_factory, "plain");
        var (_, again) = await _factory.GetDocumentAsync("/admin/account/security", holder);
        Assert.NotEqual(seen, again.QuerySelector(".shared-key")!.TextContent);
    }

    [Fact]
    public async Task FirstStepTakenBeforeAPasswordReset_DoesNotCarryOver()
    {
        var client = NewClient();
        Assert.Equal("/admin/account/twofactor", (await StaffAccounts.PostLoginAsync(client, "chief", StaffAccounts.Password)).Headers.Location!.OriginalString);
        var id = await _factory.WithScopeAsync(async s => (await s.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("chief"))!.Id);
        var reset = await _factory.WithScopeAsync(s => s.GetRequiredService<UserAdminService>().SetPasswordAsync(id, "Reset-Passw0rd-9"));
        Assert.True(reset.Succeeded);

        var second = await StaffAccounts.PostSecondFactorAsync(client, await StaffAccounts.CurrentCodeAsync(_factory, "chief"));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.StartsWith("/admin/account/login", second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith("/admin/account/login", (await client.GetAsync("/admin")).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverLongUserName_IsRefusedByValidation_BeforeAnyWork()
    {
        var response = await StaffAccounts.PostLoginAsync(NewClient(), new string('a', 100_000), "x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名最多 256 个字符", (await PortalFactory.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameRecoveryCode_TwiceAtOnce_SignsInOnce_NoServerError()
    {
        var code = await _factory.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByNameAsync("chief"))!;
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.First();
        });
        var clients = new[] { NewClient(), NewClient() };
        var tokens = new List<string>();
        foreach (var client in clients)
        {
            await StaffAccounts.PostLoginAsync(client, "chief", StaffAccounts.Password);
            tokens.Add(await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/account/twofactor"));
        }

        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsync("/admin/account/twofactor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code,
            ["__RequestVerificationToken"] = tokens[i],
        }))));

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
    }

    private Task<(int Count, DateTimeOffset? LockoutEnd)> StateAsync(string userName) =>
        _factory.WithDbAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
            return (user.AccessFailedCount, user.LockoutEnd);
        });

    private HttpClient NewClient() =>
        _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
