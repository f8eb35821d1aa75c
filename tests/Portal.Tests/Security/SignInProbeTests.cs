using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Accounts;
using Portal.Tests.Infrastructure;
using Portal.Web.Areas.Admin.Controllers;

namespace Portal.Tests.Security;

/// <summary>
/// Finding 2: user enumeration. Before, a known user name took ~88 ms to refuse and an unknown one
/// ~5 ms, and only known users ever saw 账号已锁定. Now every refusal is the same page and costs
/// one password-hash check.
/// </summary>
public sealed class SignInProbeTests : IAsyncLifetime
{
    private const int Tries = 20;

    private readonly PortalFactory _factory = PortalFactory.Empty();

    public async Task InitializeAsync()
    {
        await StaffAccounts.CreateAsync(_factory, "known", PortalRoles.Editor);
        await StaffAccounts.CreateAsync(_factory, "locked", PortalRoles.Editor);
        var disabled = await StaffAccounts.CreateAsync(_factory, "disabled", PortalRoles.Editor);
        await _factory.WithScopeAsync(async services =>
        {
            var accounts = services.GetRequiredService<UserAdminService>();
            return await accounts.SetDisabledAsync(disabled, null, disabled: true);
        });
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Refusals_ForUnknownWrongLockedAndDisabled_LookTheSame()
    {
        for (var i = 0; i < 5; i++)
        {
            await StaffAccounts.PostLoginAsync(NewClient(), "locked", "Wrong-Passw0rd-" + i);
        }

        var pages = new List<string>();
        foreach (var (name, password) in new[] { ("nobody-here", "Wrong-Passw0rd-1"), ("known", "Wrong-Passw0rd-1"), ("locked", StaffAccounts.Password), ("disabled", StaffAccounts.Password) })
        {
            var response = await StaffAccounts.PostLoginAsync(NewClient(), name, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await PortalFactory.ParseAsync(response);
            pages.Add(document.QuerySelector(".form-errors")!.TextContent.Trim());
        }

        Assert.All(pages, text => Assert.Equal(AccountController.RefusedMessage, text));
        Assert.DoesNotContain("锁定 15 分钟，请稍后", pages[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_ForKnownAndUnknownNames_TakeTheSameTime()
    {
        var known = NewClient();
        var unknown = NewClient();

        // Warm both paths (first hash, first query) before measuring.
        await StaffAccounts.PostLoginAsync(known, "known", "Wrong-Passw0rd-0");
        await StaffAccounts.PostLoginAsync(unknown, "nobody-here", "Wrong-Passw0rd-0");

        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        var token = await StaffAccounts.AntiforgeryTokenAsync(known, "/admin/account/login");
        var unknownToken = await StaffAccounts.AntiforgeryTokenAsync(unknown, "/admin/account/login");
        for (var i = 0; i < Tries; i++)
        {
            // Interleaved, so a slow moment of the machine falls on both alike. The known account
            // locks after five tries: the rest measure the locked path too.
            knownTimes.Add(await TimeAsync(known, token, "known"));
            unknownTimes.Add(await TimeAsync(unknown, unknownToken, "nobody-here"));
        }

        var knownMedian = Median(knownTimes);
        var unknownMedian = Median(unknownTimes);
        var ratio = knownMedian / unknownMedian;
        Assert.True(ratio is > 0.5 and < 2.0,
            $"median refusal: known {knownMedian:F1} ms, unknown {unknownMedian:F1} ms (ratio {ratio:F2}); before the fix it was ~88 ms against ~5 ms");
    }

    private static async Task<double> TimeAsync(HttpClient client, string token, string userName)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = "Wrong-Passw0rd-9",
            ["__RequestVerificationToken"] = token,
        });
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync("/admin/account/login", form);
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private HttpClient NewClient() =>
        _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
