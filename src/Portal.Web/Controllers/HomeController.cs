using Microsoft.AspNetCore.Mvc;
using Portal.Core.Home;
using Portal.Core.Site;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>首页: the blocks editors arranged in 首页布局 (or the default layout), empty ones left out.</summary>
public sealed class HomeController(SiteContext site, HomePageBuilder home) : Controller
{
    [AcceptVerbs("GET", "HEAD", Route = "/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var page = await home.BuildAsync(cancellationToken);
        var identity = await site.GetIdentityAsync(cancellationToken);
        return View(new HomeViewModel { Blocks = page.Blocks, SiteName = identity.SiteName, CanonicalPath = "/" });
    }
}
