using Microsoft.AspNetCore.Mvc;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Web.ViewComponents;

/// <summary>
/// The main menu: 首页 and the top-level sections shown in the menu (not those hidden while
/// empty); a 链接 section's entry is a plain link to its address.
/// </summary>
public sealed class MainNavViewComponent(SiteContext site) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(SectionNode? current, bool isSectionPage, bool isHome)
    {
        var sections = await site.GetSectionsAsync(HttpContext.RequestAborted);
        var items = sections.Menu
            .Select(s => new MainNavItem(
                s.MenuLabel,
                s.Href,
                current is null || current.Root.Id != s.Id ? null : isSectionPage && current.Id == s.Id ? "page" : "true"))
            .ToList();
        return View(new MainNavViewModel(isHome, items));
    }
}

/// <summary>The menu as the view renders it.</summary>
public sealed record MainNavViewModel(bool IsHome, IReadOnlyList<MainNavItem> Items);

/// <summary>A menu entry; <see cref="AriaCurrent"/> is <c>page</c> on the section's own page, <c>true</c> inside it.</summary>
public sealed record MainNavItem(string Label, string Url, string? AriaCurrent);
