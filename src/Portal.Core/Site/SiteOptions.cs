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

    /// <summary>
    /// The site's public address, e.g. <c>https://www.example.gov.cn</c> (optional). When set,
    /// links that name this site to others (the 找错 entry) use it instead of the request's Host
    /// header, which a client controls. Default: empty (the request's address).
    /// </summary>
    [Url]
    public string? BaseUrl { get; set; }
}
