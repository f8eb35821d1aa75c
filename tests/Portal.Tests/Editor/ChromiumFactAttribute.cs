namespace Portal.Tests.Editor;

/// <summary>
/// A fact that drives Debian's Chromium through Playwright: skipped, with the reason, where the
/// browser is not installed (tests/run installs it where it can).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Debian's Chromium; Playwright's own browser download is never used.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"Chromium is not installed at {ExecutablePath} (Debian: apt-get install chromium fonts-noto-cjk); the browser tests are skipped.";
        }
    }
}
