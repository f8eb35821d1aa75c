using System.Globalization;
using Portal.Core.Articles;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Web.Models;

/// <summary>
/// The meta tags national monitoring reads (GOV-SITE.md), in one place: the site's on every page
/// (SiteName, SiteDomain, SiteIDCode), the column's on section (list) pages, the article's on
/// article pages. A tag whose value is not set is left out: an inspector's tool reads
/// <c>content=""</c> as a tag filled in wrongly, not as one that is absent.
/// </summary>
public static class MonitoringMeta
{
    /// <summary>The site's own tags, on every page.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ForSite(SiteIdentity identity, string domain) =>
        Tags(("SiteName", identity.SiteName), ("SiteDomain", domain), ("SiteIDCode", identity.SiteCode));

    /// <summary>A section (list) page's tags.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ForSection(SectionNode section) =>
        Tags(
            ("ColumnName", section.Name),
            ("ColumnType", ColumnType(section)),
            ("ColumnDescription", section.Description),
            ("ColumnKeywords", section.Keywords));

    /// <summary>An article page's tags; <paramref name="description"/> is <see cref="ArticleText.Description"/> of the article.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ForArticle(ArticleDetail article, SectionNode section, string? description, SiteClock clock) =>
        Tags(
            ("ArticleTitle", article.Title),
            ("PubDate", PubDate(clock, article.PublishedAt, article.HasPublishTime)),
            ("ContentSource", article.Source),
            ("ColumnName", section.Name),
            ("ColumnType", ColumnType(section)),
            ("Keywords", article.Keywords),
            ("Description", description));

    /// <summary>
    /// The PubDate value: <c>yyyy-MM-dd HH:mm</c> in the site's zone, or the date alone for an
    /// article whose source gave no time of day (imported pages), rather than a midnight nobody
    /// published at.
    /// </summary>
    public static string PubDate(SiteClock clock, DateTime publishedAtUtc, bool hasPublishTime) =>
        clock.ToLocal(publishedAtUtc).ToString(hasPublishTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// ColumnType: a 单页 section is a 单页; otherwise a section with sub-sections is a 栏目 of
    /// columns, one without is a 列表 of articles.
    /// </summary>
    public static string ColumnType(SectionNode section) =>
        section.Kind == SectionKind.Page ? "单页" : section.Children.Count > 0 ? "栏目" : "列表";

    /// <summary>The tags that have a value, trimmed, in the order given.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Tags(params (string Name, string? Value)[] tags) =>
        tags.Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .Select(t => new KeyValuePair<string, string>(t.Name, t.Value!.Trim()))
            .ToList();
}
