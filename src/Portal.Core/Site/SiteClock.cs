using System.Globalization;
using Microsoft.Extensions.Options;

namespace Portal.Core.Site;

/// <summary>
/// Converts between stored UTC timestamps and the site's time zone (<see cref="SiteOptions.TimeZone"/>),
/// so a date that readers see as 2023-11-21 is the same day in Beijing whatever the server's zone.
/// </summary>
public sealed class SiteClock
{
    private readonly TimeZoneInfo _zone;

    public SiteClock(IOptions<SiteOptions> options)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    /// <summary>The site-local time of a UTC timestamp.</summary>
    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>A UTC timestamp as the site-local time with its offset (feeds: <c>Tue, 21 Nov 2023 00:00:00 +0800</c>).</summary>
    public DateTimeOffset ToLocalOffset(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
    }

    /// <summary>The UTC timestamp of midnight at the start of a site-local date.</summary>
    public DateTime StartOfDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), _zone);

    /// <summary>
    /// How the zone is named beside a time: 北京时间 for China's zone, otherwise its UTC offset
    /// (a portal configured for another zone must not call its times Beijing time).
    /// </summary>
    public string ZoneName => _zone.Id is "Asia/Shanghai" or "China Standard Time" or "PRC"
        ? "北京时间"
        : "UTC" + (_zone.BaseUtcOffset < TimeSpan.Zero ? "-" : "+") + _zone.BaseUtcOffset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>A UTC timestamp as people read it in the admin area and the audit log: <c>2026-12-03 09:00（北京时间）</c>.</summary>
    public string Describe(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "（" + ZoneName + "）";

    /// <summary>The UTC timestamp of a site-local date and time (as an editor types it into a form).</summary>
    public DateTime FromLocal(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);
}
