using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Two factors for staff (等级保护 level 3): an account made by an administrator must choose its
/// own password at first sign-in, an administrator or reviewer must enrol an authenticator app
/// (QR code drawn on the server, recovery codes shown once), and then signs in with a code
/// computed from the shared secret, as the test does here.
/// </summary>
public sealed class TwoFactorTests : IAsyncLifetime
{
    private const string Initial = "Initial-Passw0rd";
    private const string Own = "My-Own-Passw0rd-7";

    private readonly PortalFactory _factory = PortalFactory.Empty();

    public async Task InitializeAsync() => await StaffAccounts.CreateAsync(_factory, "boss", PortalRoles.Admin);

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task NewAdministrator_ChangesPassword_EnrolsAnAuthenticator_ThenSignsInWithACode()
    {
        await CreateThroughTheAdminAreaAsync("newadmin", PortalRoles.Admin);

        // First sign-in with the password the administrator chose: every page leads to 修改密码.
        var client = NewClient();
        var login = await StaffAccounts.PostLoginAsync(client, "newadmin", Initial);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/admin/account/password", (await client.GetAsync("/admin")).Headers.Location!.OriginalString);
        Assert.Equal("/admin/account/password", (await client.GetAsync("/admin/articles")).Headers.Location!.OriginalString);
        var (_, passwordPage) = await _factory.GetDocumentAsync("/admin/account/password", client);
        Assert.Contains("密码由管理员设置", passwordPage.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);

        // The same password again is refused (history), then a new one is taken.
        var same = await PostFormAsync(client, "/admin/account/password", new() { ["CurrentPassword"] = Initial, ["NewPassword"] = Initial, ["ConfirmPassword"] = Initial });
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Contains("最近 5 次使用过的密码", (await PortalFactory.ParseAsync(same)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        var changed = await PostFormAsync(client, "/admin/account/password", new() { ["CurrentPassword"] = Initial, ["NewPassword"] = Own, ["ConfirmPassword"] = Own });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // Next: the role requires a second factor, so every page leads to 账号安全.
        Assert.Equal("/admin/account/security", (await client.GetAsync("/admin")).Headers.Location!.OriginalString);
        var (_, security) = await _factory.GetDocumentAsync("/admin/account/security", client);
        Assert.StartsWith("data:image/png;base64,", security.QuerySelector("img.qr-code")!.GetAttribute("src"), StringComparison.Ordinal);
        var key = security.QuerySelector(".shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        var wrong = await PostFormAsync(client, "/admin/account/enabletwofactor", new() { ["Input.Code"] = "000000" == StaffAccounts.Code(key) ? "111111" : "000000" }, "/admin/account/security");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("验证码不正确", (await PortalFactory.ParseAsync(wrong)).QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);

        var enabled = await PostFormAsync(client, "/admin/account/enabletwofactor", new() { ["Input.Code"] = StaffAccounts.Code(key) }, "/admin/account/security");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await PortalFactory.ParseAsync(enabled)).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(SecondFactorService.RecoveryCodeCount, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        // Signing in now takes the password and a code.
        var again = NewClient();
        var first = await StaffAccounts.PostLoginAsync(again, "newadmin", Own);
        Assert.Equal("/admin/account/twofactor", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/admin")).StatusCode);
        var badCode = await StaffAccounts.PostSecondFactorAsync(again, "12345x");
        Assert.Equal(HttpStatusCode.OK, badCode.StatusCode);
        var good = await StaffAccounts.PostSecondFactorAsync(again, StaffAccounts.Code(key));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin")).StatusCode);

        // A recovery code works once.
        var withRecovery = NewClient();
        await StaffAccounts.PostLoginAsync(withRecovery, "newadmin", Own);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostSecondFactorAsync(withRecovery, codes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withRecovery.GetAsync("/admin")).StatusCode);
        var reused = NewClient();
        await StaffAccounts.PostLoginAsync(reused, "newadmin", Own);
        Assert.Equal(HttpStatusCode.OK, (await StaffAccounts.PostSecondFactorAsync(reused, codes[0])).StatusCode);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.RecoveryCodeUse)));
    }

    [Fact]
    public async Task NewEditor_ChangesPassword_ButNeedsNoSecondFactor()
    {
        await CreateThroughTheAdminAreaAsync("neweditor", PortalRoles.Editor);
        var client = NewClient();
        await StaffAccounts.PostLoginAsync(client, "neweditor", Initial);
        Assert.Equal("/admin/account/password", (await client.GetAsync("/admin")).Headers.Location!.OriginalString);

        var mismatch = await PostFormAsync(client, "/admin/account/password", new() { ["CurrentPassword"] = Initial, ["NewPassword"] = Own, ["ConfirmPassword"] = Own + "x" });
        Assert.Contains("两次输入的新密码不一致", (await PortalFactory.ParseAsync(mismatch)).Body!.TextContent, StringComparison.Ordinal);
        await PostFormAsync(client, "/admin/account/password", new() { ["CurrentPassword"] = Initial, ["NewPassword"] = Own, ["ConfirmPassword"] = Own });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task PasswordHistory_RefusesTheLastFivePasswords_AcceptsTheSixthBack()
    {
        var id = await StaffAccounts.CreateAsync(_factory, "cycler", PortalRoles.Editor);
        var passwords = Enumerable.Range(1, 6).Select(i => $"Cycle-Passw0rd-{i}").ToList();
        var current = StaffAccounts.Password;
        foreach (var next in passwords)
        {
            var result = await _factory.WithScopeAsync(s => s.GetRequiredService<UserAdminService>().ChangeOwnPasswordAsync(id, current, next));
            Assert.True(result.Succeeded, result.Message);
            current = next;
        }

        // Current: 6; the last five are 2..6, so 2 is refused and 1 (the sixth back) is accepted.
        var refused = await _factory.WithScopeAsync(s => s.GetRequiredService<UserAdminService>().ChangeOwnPasswordAsync(id, current, passwords[1]));
        Assert.False(refused.Succeeded);
        Assert.Contains("最近 5 次", refused.Message, StringComparison.Ordinal);
        var accepted = await _factory.WithScopeAsync(s => s.GetRequiredService<UserAdminService>().ChangeOwnPasswordAsync(id, current, passwords[0]));
        Assert.True(accepted.Succeeded, accepted.Message);
        Assert.Equal(4, await _factory.WithDbAsync(db => db.PasswordHistory.CountAsync(h => h.UserId == id)));
    }

    [Fact]
    public async Task AdministratorsReset_OfTheSecondFactor_EndsSessions_AndAsksForEnrolmentAgain()
    {
        var reviewerId = await StaffAccounts.CreateAsync(_factory, "checker", PortalRoles.Reviewer);
        var reviewer = await StaffAccounts.SignInAsync(_factory, "checker");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/admin")).StatusCode);

        var boss = await StaffAccounts.SignInAsync(_factory, "boss");
        var reset = await PostFormAsync(boss, $"/admin/users/resettwofactor/{reviewerId}", [], $"/admin/users/edit/{reviewerId}");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.StartsWith("/admin/account/login", (await reviewer.GetAsync("/admin")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var client = NewClient();
        Assert.Equal("/admin", (await StaffAccounts.PostLoginAsync(client, "checker", StaffAccounts.Password)).Headers.Location!.OriginalString);
        Assert.Equal("/admin/account/security", (await client.GetAsync("/admin")).Headers.Location!.OriginalString);
    }

    [Fact]
    [Trait("Store", TestDatabase.SqliteOnly)]
    public async Task ResetVerb_RemovesTheSecondFactor()
    {
        // The portal that made the account stays up (its factory owns the data folder) while the
        // verb runs as its own process on the same store, as an operator would run it.
        using var data = TempFolder.Create();
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["Storage:DataPath"] = data.Path, ["Import:SeedOnStartup"] = "false" });
        await StaffAccounts.CreateAsync(portal, "phone-lost", PortalRoles.Admin);

        var run = await PortalProcess.RunAsync(null, "reset-2fa", "phone-lost", $"--Storage:DataPath={data.Path}");
        var unknown = await PortalProcess.RunAsync(null, "reset-2fa", "nobody", $"--Storage:DataPath={data.Path}");

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("Second factor of 'phone-lost' removed; its open sessions ended.", Assert.Single(run.StdOutLines));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No user named 'nobody'", unknown.StdErr, StringComparison.Ordinal);
        await portal.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByNameAsync("phone-lost"))!;
            Assert.False(user.TwoFactorEnabled);
            Assert.Null(await users.GetAuthenticatorKeyAsync(user));
            return 0;
        });
    }

    private async Task CreateThroughTheAdminAreaAsync(string userName, string role)
    {
        var boss = await StaffAccounts.SignInAsync(_factory, "boss");
        var created = await PostFormAsync(boss, "/admin/users/create", new()
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = userName,
            ["Input.Role"] = role,
            ["Input.Password"] = Initial,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, tokenFrom ?? url);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private HttpClient NewClient() =>
        _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
