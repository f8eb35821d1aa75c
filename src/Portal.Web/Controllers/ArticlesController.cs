using Microsoft.AspNetCore.Mvc;
using Portal.Core.Articles;
using Portal.Core.Media;
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
        var description = ArticleText.Description(article.Summary, article.BodyHtml);
        return View(new ArticleViewModel
        {
            Title = article.Title,
            CurrentSection = section,
            Article = article,
            Previous = previous,
            Next = next,
            Related = await search.RelatedAsync(article, cancellationToken),
            CanonicalPath = PathOf(article.UrlKey),
            Description = description,
            Meta = MonitoringMeta.ForArticle(article, section, description, clock),
            OpenGraph = new OpenGraphArticle(
                article.Title,
                description,
                article.CoverImageName is null ? null : MediaLibrary.UrlOf(article.CoverImageName)),
        });
    }

    /// <summary>An article's address, <c>/articles/{key}</c>: the page, its feed items' links and its sitemap entry.</summary>
    public static string PathOf(string urlKey) => "/articles/" + urlKey;
}
