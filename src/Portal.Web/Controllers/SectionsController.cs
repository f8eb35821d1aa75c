using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Articles;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>Section pages, at the path of their slugs (<c>/xinwen/difang</c>).</summary>
/// <remarks>
/// A 链接 section answers with a 302 to its address; a 单页 section shows its newest visible
/// article as its page (404 while it has none); 列表 and 互动 sections list their articles.
/// </remarks>
public sealed class SectionsController(SectionLocator locator, ArticleQueries articles, SiteClock clock) : Controller
{
    /// <summary>Articles per page of a section list.</summary>
    public const int PageSize = 20;

    // Last in route order: every fixed address (articles/…, contact, error/…, feeds) is tried first.
    // HEAD too: uptime probes and link checkers use it.
    [AcceptVerbs("GET", "HEAD", Route = "{**path}", Order = int.MaxValue)]
    public async Task<IActionResult> Show(string path, int page = 1, CancellationToken cancellationToken = default)
    {
        var location = await locator.LocateAsync(path, cancellationToken);
        if (location is null || page < 1 || !ModelState.IsValid)
        {
            return NotFound();
        }

        // A 链接 section's address (any spelling of it) leads on to its link: a temporary
        // redirect, since editors may change the address.
        var section = location.Section;
        if (section.Kind == SectionKind.Link && LinkUrl.IsSafe(section.LinkUrl))
        {
            return Redirect(LinkUrl.ForHeader(section.LinkUrl!));
        }

        // One address per page: /XinWen and /xinwen/ lead to /xinwen, and an address the section
        // had before its slug changed or it moved leads to where it is now.
        if (!location.IsCanonical)
        {
            return RedirectPermanent("/" + section.Path + Request.QueryString);
        }

        if (section.Kind == SectionKind.Page)
        {
            var pageArticle = page == 1 ? await articles.SectionPageAsync(section.Id, cancellationToken) : null;
            return pageArticle is null
                ? NotFound()
                : View("~/Views/Articles/Show.cshtml", ArticlePage.ForSectionPage(pageArticle, section, PathOf(section), clock));
        }

        var list = await articles.ListAsync(SectionTree.ListedIds(section), page, PageSize, cancellationToken);
        if (page > list.PageCount)
        {
            return NotFound();
        }

        return View(new SectionViewModel
        {
            Title = page > 1 ? $"{section.Name}（第{page}页）" : section.Name,
            Section = section,
            Articles = list,
            CanonicalPath = PathOf(section, page),
            Description = section.Description,
            Meta = MonitoringMeta.ForSection(section),
        });
    }

    /// <summary>The address of a section's page: <c>/xinwen/difang</c>, with <c>?page=N</c> from the second page on.</summary>
    public static string PathOf(SectionNode section, int page = 1) =>
        page > 1 ? $"/{section.Path}?page={page.ToString(CultureInfo.InvariantCulture)}" : "/" + section.Path;
}
