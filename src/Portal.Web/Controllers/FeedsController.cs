using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Articles;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Web.Hosting;

namespace Portal.Web.Controllers;

/// <summary>
/// RSS 2.0 feeds of the newest articles: the whole site at <c>/rss.xml</c>, each section (with
/// its sub-sections, as its page lists them) at <c>/{section path}/rss.xml</c>.
/// </summary>
public sealed class FeedsController(
    SiteContext site,
    SectionLocator locator,
    ArticleQueries articles,
    SiteAddress address,
    SiteClock clock) : Controller
{
    /// <summary>How many of the newest articles a feed lists.</summary>
    public const int ItemCount = 20;

    /// <summary>The last segment of every feed's address.</summary>
    private const string FeedName = "rss.xml";

    /// <summary>The site's feed.</summary>
    public const string SiteFeedPath = "/" + FeedName;

    private const string ContentType = "application/rss+xml; charset=utf-8";

    /// <summary>A section's feed: <c>/xinwen/difang/rss.xml</c>.</summary>
    public static string SectionFeedPath(SectionNode section) => $"/{section.Path}/{FeedName}";

    /// <summary>A feed's title (its channel's, and its announcing link's): the site name, then the section's.</summary>
    public static string TitleOf(string siteName, SectionNode? section) =>
        section is null ? siteName : $"{siteName} - {section.Name}";

    [AcceptVerbs("GET", "HEAD", Route = SiteFeedPath)]
    public Task<IActionResult> SiteFeed(CancellationToken cancellationToken) => FeedAsync(null, cancellationToken);

    // Before the sections' catch-all (the last route), which would take the path for a section's.
    // No section can be called rss.xml: slugs have no dots (and rss.xml is reserved besides).
    [AcceptVerbs("GET", "HEAD", Route = @"{**path:regex(^.+/rss\.xml$)}", Order = int.MaxValue - 1)]
    public async Task<IActionResult> SectionFeed(string path, CancellationToken cancellationToken)
    {
        var location = await locator.LocateAsync(path[..^(FeedName.Length + 1)], cancellationToken);
        if (location is null)
        {
            return NotFound();
        }

        // /XinWen/rss.xml, or the feed of a section that has moved: where the feed lives now.
        var canonical = SectionFeedPath(location.Section);
        return location.IsCanonical && string.Equals("/" + path, canonical, StringComparison.Ordinal)
            ? await FeedAsync(location.Section, cancellationToken)
            : RedirectPermanent(canonical);
    }

    private async Task<IActionResult> FeedAsync(SectionNode? section, CancellationToken cancellationToken)
    {
        var identity = await site.GetIdentityAsync(cancellationToken);
        var latest = await articles.LatestAsync(section is null ? null : SectionTree.ListedIds(section), ItemCount, cancellationToken);
        var title = TitleOf(identity.SiteName, section);
        var feed = new SyndicationFeed(
            title,
            // RSS requires a channel description: the section's 栏目描述, else the title again.
            string.IsNullOrWhiteSpace(section?.Description) ? title : section.Description,
            new Uri(address.Absolute(Request, section is null ? "/" : SectionsController.PathOf(section))))
        {
            Language = "zh-cn",
            Items = latest.Select(Item).ToList(),
        };
        if (latest.Count > 0)
        {
            feed.LastUpdatedTime = clock.ToLocalOffset(latest.Max(a => a.UpdatedAt > a.PublishedAt ? a.UpdatedAt : a.PublishedAt));
        }

        // Formatted into memory (20 items), then sent in one asynchronous write: the formatter
        // writes synchronously, which the server does not allow on the response stream. UTF-8
        // without a byte-order mark, declared so in the XML declaration.
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
        }

        return File(buffer.ToArray(), ContentType);
    }

    private SyndicationItem Item(ArticleFeedItem article)
    {
        var link = new Uri(address.Absolute(Request, ArticlesController.PathOf(article.UrlKey)));
        return new SyndicationItem
        {
            Title = new TextSyndicationContent(article.Title),
            Links = { SyndicationLink.CreateAlternateLink(link) },

            // The guid is the article's address, which never changes (isPermaLink="true").
            Id = link.AbsoluteUri,
            PublishDate = clock.ToLocalOffset(article.PublishedAt),
            Summary = article.Description is null ? null : new TextSyndicationContent(article.Description),
        };
    }
}
