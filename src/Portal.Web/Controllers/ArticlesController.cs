using Microsoft.AspNetCore.Mvc;
using Portal.Core.Articles;
using Portal.Core.Search;
using Portal.Core.Site;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>Article pages at their stable address <c>/articles/{key}</c>.</summary>
public sealed class ArticlesController(SiteContext site, ArticleQueries articles, SearchService search, SiteClock clock) : Controller
{
    [AcceptVerbs("GET", "HEAD", Route = "/articles/{key}")]
    public async Task<IActionResult> Show(string key, CancellationToken cancellationToken)
    {
        var article = await articles.FindAsync(key, cancellationToken);
        var sections = await site.GetSectionsAsync(cancellationToken);
        var section = article is null ? null : sections.Find(article.SectionId);
        if (article is null || section is null)
        {
            return NotFound();
        }

        var (previous, next) = await articles.NeighboursAsync(article, cancellationToken);
        var related = await search.RelatedAsync(article, cancellationToken);
        return View(ArticlePage.ForReaders(article, section, previous, next, related, PathOf(article.UrlKey), clock));
    }

    /// <summary>An article's address, <c>/articles/{key}</c>: the page, its feed items' links and its sitemap entry.</summary>
    public static string PathOf(string urlKey) => "/articles/" + urlKey;
}
