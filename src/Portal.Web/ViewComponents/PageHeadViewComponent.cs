using Microsoft.AspNetCore.Mvc;
using Portal.Core.Site;
using Portal.Web.Controllers;
using Portal.Web.Hosting;
using Portal.Web.Models;

namespace Portal.Web.ViewComponents;

/// <summary>
/// The page's <c>&lt;head&gt;</c> entries: its <c>&lt;title&gt;</c>, the meta tags national
/// monitoring reads (<see cref="MonitoringMeta"/>: the site's here, the page's from its view
/// model) and its description, the canonical link, an article's Open Graph tags, and the feeds
/// that announce themselves (the site's on every page, the section's on its page and articles).
/// </summary>
public sealed class PageHeadViewComponent(SiteContext site, SiteAddress address) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(PageViewModel page)
    {
        var identity = await site.GetIdentityAsync(HttpContext.RequestAborted);
        var request = HttpContext.Request;
        var canonical = page.CanonicalPath is null ? null : address.Absolute(request, page.CanonicalPath);

        var meta = MonitoringMeta.ForSite(identity, address.Domain)
            .Concat(page.Meta)
            .Concat(MonitoringMeta.Tags(("description", page.Description), ("robots", page.NoIndex ? "noindex" : null)))
            .ToList();

        var properties = page.OpenGraph is not { } og
            ? []
            : MonitoringMeta.Tags(
                ("og:title", og.Title),
                ("og:type", "article"),
                ("og:url", canonical),
                ("og:description", og.Description),
                ("og:image", og.ImagePath is null ? null : address.Absolute(request, og.ImagePath)),
                ("og:site_name", identity.SiteName));

        var feeds = new List<FeedLink> { new(Named(FeedsController.TitleOf(identity.SiteName, null)), FeedsController.SiteFeedPath) };
        if (page.CurrentSection is { } section)
        {
            feeds.Add(new(Named(FeedsController.TitleOf(identity.SiteName, section)), FeedsController.SectionFeedPath(section)));
        }

        var title = page.Title is null ? identity.SiteName : $"{page.Title} - {identity.SiteName}";
        return View(new PageHeadViewModel(title, meta, properties, canonical, feeds));
    }

    // Before anything was imported the site has no name: no title="" then.
    private static string? Named(string title) => string.IsNullOrWhiteSpace(title) ? null : title;
}
