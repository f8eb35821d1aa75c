using Microsoft.AspNetCore.Mvc;
using Portal.Core.Articles;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>首页.</summary>
public sealed class HomeController(SiteContext site, ArticleQueries articles) : Controller
{
    /// <summary>How many of its newest articles each section shows on the home page.</summary>
    private const int ArticlesPerBlock = 8;

    [AcceptVerbs("GET", "HEAD", Route = "/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var sections = await site.GetSectionsAsync(cancellationToken);
        var menu = sections.Menu.Select(s => (Section: s, Ids: SectionTree.SelfAndDescendantIds(s))).ToList();

        // One query for the whole page: the newest of every section, then each menu block takes
        // the newest of its own section and the sections below it.
        var latest = await articles.LatestPerSectionAsync(menu.SelectMany(m => m.Ids).ToList(), ArticlesPerBlock, cancellationToken);
        var blocks = menu
            .Select(m => new HomeSectionBlock(
                m.Section,
                m.Ids.SelectMany(id => latest[id])
                    .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                    .Take(ArticlesPerBlock)
                    .ToList()))
            .ToList();

        var identity = await site.GetIdentityAsync(cancellationToken);
        return View(new HomeViewModel { Blocks = blocks, SiteName = identity.SiteName, CanonicalPath = "/" });
    }
}
