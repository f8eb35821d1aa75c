using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Site;

/// <summary>Site-wide settings that belong to the deployment rather than to editors (section <c>Site</c>).</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The IANA time zone that dates are shown and entered in (default <c>Asia/Shanghai</c>).
    /// Timestamps are stored in UTC; a page's 日期 is the date in this zone.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
