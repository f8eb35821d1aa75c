using Microsoft.AspNetCore.Mvc;
using Portal.Core.Sections;

namespace Portal.Web.ViewComponents;

/// <summary>当前位置: 首页 &gt; section path &gt; (page), every crumb a link.</summary>
public sealed class BreadcrumbViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(SectionNode? section, bool isSectionPage, string? tail)
    {
        var crumbs = new List<Crumb> { new("首页", "/", false) };
        if (section is not null)
        {
            var path = SectionTree.Ancestry(section);
            crumbs.AddRange(path.Select(s => new Crumb(s.Name, "/" + s.Path, isSectionPage && s.Id == section.Id)));
        }

        if (tail is not null)
        {
            crumbs.Add(new Crumb(tail, HttpContext.Request.Path, true));
        }

        return View(crumbs);
    }
}

/// <summary>A breadcrumb item; <see cref="IsCurrent"/> marks the page the reader is on.</summary>
public sealed record Crumb(string Text, string Url, bool IsCurrent);
