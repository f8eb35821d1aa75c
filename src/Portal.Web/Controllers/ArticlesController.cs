using Microsoft.AspNetCore.Mvc;
using Portal.Core.Articles;
using Portal.Core.Site;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>Article pages at their stable address <c>/articles/{key}</c>.</summary>
public sealed class ArticlesController(SiteContext site, ArticleQueries articles, SiteClock clock) : Controller
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
        return View(new ArticleViewModel
        {
            Title = article.Title,
            CurrentSection = section,
            Article = article,
            Previous = previous,
            Next = next,
            Meta = MonitoringMeta(article, section.Name),
        });
    }

    /// <summary>The meta tags national monitoring reads on an article page (GOV-SITE.md).</summary>
    private List<KeyValuePair<string, string>> MonitoringMeta(ArticleDetail article, string columnName)
    {
        var meta = new List<KeyValuePair<string, string>>
        {
            new("ArticleTitle", article.Title),
            new("PubDate", clock.ToLocal(article.PublishedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            new("ContentSource", article.Source),
            new("ColumnName", columnName),
        };
        if (!string.IsNullOrWhiteSpace(article.Keywords))
        {
            meta.Add(new("Keywords", article.Keywords));
        }

        if (!string.IsNullOrWhiteSpace(article.Summary))
        {
            meta.Add(new("Description", article.Summary));
        }

        return meta;
    }

    /// <summary>An article's address, <c>/articles/{key}</c>: the page, its feed items' links and its sitemap entry.</summary>
    public static string PathOf(string urlKey) => "/articles/" + urlKey;
}
