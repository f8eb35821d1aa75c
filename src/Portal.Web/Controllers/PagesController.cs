using Microsoft.AspNetCore.Mvc;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>The site's own pages that every government portal has: 联系我们 and 网站地图.</summary>
public sealed class PagesController(SiteContext site) : Controller
{
    [AcceptVerbs("GET", "HEAD", Route = "/contact")]
    public async Task<IActionResult> Contact(CancellationToken cancellationToken) =>
        View(new ContactViewModel
        {
            Title = "联系我们",
            CanonicalPath = "/contact",
            Identity = await site.GetIdentityAsync(cancellationToken),
        });

    [AcceptVerbs("GET", "HEAD", Route = "/sitemap")]
    public async Task<IActionResult> SiteMap(CancellationToken cancellationToken) =>
        View(new SiteMapViewModel
        {
            Title = "网站地图",
            CanonicalPath = "/sitemap",
            // Sections hidden while empty are left out; a 链接 section links to its address.
            Roots = (await site.GetSectionsAsync(cancellationToken)).Roots.Where(SectionTree.IsShown).ToList(),
        });
}
