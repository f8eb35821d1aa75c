using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Editor;

/// <summary>
/// The browser tests' collection: run on their own, after the rest, not beside them. A Chromium
/// with its renderer and GPU processes takes most of the two cores CI has, and the suite's
/// deadline-bound tests (search following the change log within 2 s, 30 concurrent requests)
/// then miss their deadlines for want of CPU, not for a fault. Also what every browser test
/// shares: Debian's Chromium started the same way, and signing in through the login form.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public static class BrowserTests
{
    public const string Collection = "Browser";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Starts Debian's Chromium (never a downloaded browser), headless.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
        });

    /// <summary>
    /// Signs <paramref name="page"/> in as <paramref name="userName"/> (an account without a second
    /// factor) through the login form. It waits for the next page's document, not for all its
    /// resources: under a loaded CI machine the editor's bundle could take longer than the timeout,
    /// and every test goes on to open the page it is about anyway.
    /// </summary>
    public static async Task SignInAsync(IPage page, Uri address, string userName)
    {
        await page.GotoAsync(new Uri(address, "/admin/account/login").ToString());
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", StaffAccounts.Password);
        await page.ClickAsync("button[type='submit'].primary");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}
