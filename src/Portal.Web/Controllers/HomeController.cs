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
        var blocks = new List<HomeSectionBlock>();
        foreach (var section in sections.Menu)
        {
            var latest = await articles.LatestAsync(SectionTree.SelfAndDescendantIds(section), ArticlesPerBlock, cancellationToken);
            blocks.Add(new HomeSectionBlock(section, latest));
        }

        var identity = await site.GetIdentityAsync(cancellationToken);
        return View(new HomeViewModel { Blocks = blocks, SiteName = identity.SiteName });
    }
}
