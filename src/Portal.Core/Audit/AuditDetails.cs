using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Core.Site;

namespace Portal.Core.Audit;

/// <summary>
/// The details of an entry as people read them: a UTC time written into the text
/// (<c>定时 2026-12-03 01:00:00 UTC</c>, as the editorial service records dates) is shown in the
/// site's zone (<c>定时 2026-12-03 09:00:00</c>); the stored text stays as it was written.
/// </summary>
public static partial class AuditDetails
{
    public static string? InSiteTime(string? details, SiteClock clock) =>
        details is null ? null : UtcTime().Replace(details, match =>
            DateTime.TryParseExact(match.Groups["t"].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
                ? clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                : match.Value);

    [GeneratedRegex(@"(?<t>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UtcTime();
}
