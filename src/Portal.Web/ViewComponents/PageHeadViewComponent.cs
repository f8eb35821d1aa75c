using Microsoft.AspNetCore.Mvc;
using Portal.Core.Site;
using Portal.Web.Models;

namespace Portal.Web.ViewComponents;

/// <summary>The page's <c>&lt;title&gt;</c> and the meta tags national monitoring reads (SiteName, SiteIDCode, ColumnName…).</summary>
public sealed class PageHeadViewComponent(SiteContext site) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(PageViewModel page)
    {
        var identity = await site.GetIdentityAsync(HttpContext.RequestAborted);
        var meta = new List<KeyValuePair<string, string>> { new("SiteName", identity.SiteName) };
        if (!string.IsNullOrEmpty(identity.SiteCode))
        {
            meta.Add(new("SiteIDCode", identity.SiteCode));
        }

        meta.AddRange(page.Meta);
        var title = page.Title is null ? identity.SiteName : $"{page.Title} - {identity.SiteName}";
        return View(new PageHeadViewModel(title, meta));
    }
}

/// <summary>What the page head renders.</summary>
public sealed record PageHeadViewModel(string Title, IReadOnlyList<KeyValuePair<string, string>> Meta);
