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
    /// every absolute link to this site (the 找错 entry, feeds, the sitemap, robots.txt, canonical
    /// and Open Graph tags, the SiteDomain tag) uses it instead of the request's Host header,
    /// which a client controls. Default: empty (the request's scheme and host).
    /// </summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The most URLs one sitemap file lists (default and maximum 50,000, the protocol's limit).
    /// Past it, <c>/sitemap.xml</c> becomes a sitemap index of <c>/sitemap-1.xml</c>,
    /// <c>/sitemap-2.xml</c>…
    /// </summary>
    [Range(1, 50_000)]
    public int SitemapUrlsPerFile { get; set; } = 50_000;
}
