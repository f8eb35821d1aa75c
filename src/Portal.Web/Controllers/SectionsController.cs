using Microsoft.AspNetCore.Mvc;
using Portal.Core.Articles;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>Section pages, at the path of their slugs (<c>/xinwen/difang</c>).</summary>
public sealed class SectionsController(SiteContext site, ArticleQueries articles, SectionRedirectLookup redirects) : Controller
{
    /// <summary>Articles per page of a section list.</summary>
    public const int PageSize = 20;

    // Last in route order: every fixed address (articles/…, contact, error/…) is tried first.
    // HEAD too: uptime probes and link checkers use it.
    [AcceptVerbs("GET", "HEAD", Route = "{**path}", Order = int.MaxValue)]
    public async Task<IActionResult> Show(string path, int page = 1, CancellationToken cancellationToken = default)
    {
        var sections = await site.GetSectionsAsync(cancellationToken);
        var section = sections.FindByPath(path);

        // An address the section had before its slug changed or it moved: 301 to where it is now.
        if (section is null && path is not null
            && await redirects.FindSectionIdAsync(path, cancellationToken) is { } movedId
            && sections.Find(movedId) is { } moved)
        {
            return RedirectPermanent("/" + moved.Path + Request.QueryString);
        }

        if (section is null || page < 1 || !ModelState.IsValid)
        {
            return NotFound();
        }

        // One address per page: /XinWen and /xinwen/ lead to /xinwen.
        if (!string.Equals(path, section.Path, StringComparison.Ordinal))
        {
            return RedirectPermanent("/" + section.Path + Request.QueryString);
        }

        var list = await articles.ListAsync(SectionTree.SelfAndDescendantIds(section), page, PageSize, cancellationToken);
        if (page > list.PageCount)
        {
            return NotFound();
        }

        return View(new SectionViewModel
        {
            Title = page > 1 ? $"{section.Name}（第{page}页）" : section.Name,
            Section = section,
            Articles = list,
            Meta =
            [
                new("ColumnName", section.Name),
                new("ColumnType", section.Children.Count > 0 ? "栏目" : "列表"),
            ],
        });
    }
}
