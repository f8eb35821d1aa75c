using Microsoft.AspNetCore.Mvc;
using Portal.Core.Site;

namespace Portal.Web.ViewComponents;

/// <summary>The banner: the site's emblem and name, linking home.</summary>
public sealed class SiteBannerViewComponent(SiteContext site) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await site.GetIdentityAsync(HttpContext.RequestAborted));
}
