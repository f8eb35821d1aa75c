using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Portal.Core.Accounts;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Staff accounts for admin tests, created through Identity and signed in through the real login
/// form. An account whose role requires a second factor (admin, reviewer by default) is enrolled
/// with an authenticator key at creation, and signing in answers the second step with a code
/// computed from that key, as a phone would.
/// </summary>
public static class StaffAccounts
{
    /// <summary>A password that satisfies the policy.</summary>
    public const string Password = "Test-Passw0rd-1";

    /// <summary>Creates an account with one role (the roles exist once the store is migrated).</summary>
    public static async Task<string> CreateAsync(PortalFactory factory, string userName, string role, IEnumerable<int>? sectionIds = null, string? displayName = null)
    {
        _ = factory.Services;
        return await factory.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = userName, DisplayName = displayName ?? userName, LockoutEnabled = true, CreatedAt = DateTime.UtcNow };
            AssertSucceeded(await users.CreateAsync(user, Password));
            AssertSucceeded(await users.AddToRoleAsync(user, role));
            if (services.GetRequiredService<AccountRules>().RequiresTwoFactor([role]))
            {
                AssertSucceeded(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", users.GenerateNewAuthenticatorKey()));
                AssertSucceeded(await users.SetTwoFactorEnabledAsync(user, true));
            }

            foreach (var sectionId in sectionIds ?? [])
            {
                var db = services.GetRequiredService<Portal.Core.Data.PortalDbContext>();
                db.UserSections.Add(new UserSection { UserId = user.Id, SectionId = sectionId });
                await db.SaveChangesAsync();
            }

            return user.Id;
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects, signed in as <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> SignInAsync(PortalFactory factory, string userName, string password = Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostLoginAsync(client, userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login as {userName} answered {(int)response.StatusCode}{ServerErrors(factory, response)}");
        if (response.Headers.Location!.OriginalString.StartsWith("/admin/account/twofactor", StringComparison.Ordinal))
        {
            response = await PostSecondFactorAsync(client, await CurrentCodeAsync(factory, userName));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"second factor of {userName} answered {(int)response.StatusCode}{ServerErrors(factory, response)}");
        }

        return client;
    }

    /// <summary>
    /// For a 500: the errors the portal logged (its log file in the factory's data folder), so a
    /// failure seen only under load says what failed.
    /// </summary>
    private static string ServerErrors(PortalFactory factory, HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.InternalServerError)
        {
            return "";
        }

        var logs = Path.Combine(factory.DataPath, "logs");
        var errors = Directory.Exists(logs)
            ? Directory.GetFiles(logs).SelectMany(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd().Split('\n');
            }).SkipWhile(l => !l.Contains("[ERR]", StringComparison.Ordinal) && !l.Contains("[FTL]", StringComparison.Ordinal)).Take(40)
            : [];
        return "; server log: " + string.Join("\n", errors);
    }

    /// <summary>Posts the second-factor form (a code or a recovery code) with the form's own token.</summary>
    public static async Task<HttpResponseMessage> PostSecondFactorAsync(HttpClient client, string code)
    {
        var token = await AntiforgeryTokenAsync(client, "/admin/account/twofactor");
        return await client.PostAsync("/admin/account/twofactor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The authenticator code of <paramref name="userName"/> now, computed from the key in the store.</summary>
    public static async Task<string> CurrentCodeAsync(PortalFactory factory, string userName) =>
        await factory.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no user {userName}");
            var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{userName} has no authenticator key");
            return Code(key);
        });

    /// <summary>The TOTP code (RFC 6238: 30 s steps, 6 digits, SHA-1) of a base32 key now.</summary>
    public static string Code(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    /// <summary>Posts the login form with the token the form itself carries.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var token = await AntiforgeryTokenAsync(client, "/admin/account/login");
        var fields = new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync("/admin/account/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the first form on a page (the client must keep cookies).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var document = await PortalFactory.ParseAsync(html);
        return document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} has no antiforgery token");
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
