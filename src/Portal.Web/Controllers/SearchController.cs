using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Search;
using Portal.Core.Site;
using Portal.Web.Hosting;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>站内搜索 at <c>/search?q=…</c>: a GET form, so it works without JavaScript and results can be linked.</summary>
public sealed class SearchController(SearchService search, SiteContext site) : Controller
{
    [AcceptVerbs("GET", "HEAD", Route = "/search")]
    [EnableRateLimiting(RateLimitPolicies.Search)]
    public async Task<IActionResult> Index([FromQuery] SearchInput input, CancellationToken cancellationToken)
    {
        var (request, inputNotices) = input.ToRequest();
        var results = await search.SearchAsync(request, cancellationToken);
        return View(new SearchViewModel
        {
            Title = results.HasQuery ? $"“{results.Query}”的搜索结果" : "站内搜索",
            Results = results,
            Notices = [.. inputNotices, .. results.Notices],
            Tree = await site.GetSectionsAsync(cancellationToken),
            SortUrl = sort => SortUrl(results.Request, sort),
            CanonicalPath = SortUrl(results.Request, results.Request.Sort, results.Hits.PageNumber),

            // Result pages are for readers, not for search engines' indexes.
            Meta = [new("robots", "noindex, follow")],
        });
    }

    /// <summary>The address of these results in <paramref name="sort"/> order (page 1 unless <paramref name="page"/> says otherwise), parameters as the page understood them.</summary>
    private static string SortUrl(SearchRequest request, SearchSort sort, int page = 1)
    {
        var query = new QueryBuilder();
        if (!string.IsNullOrEmpty(request.Query))
        {
            query.Add("q", request.Query);
        }

        if (request.SectionId is { } section)
        {
            query.Add("section", section.ToString(CultureInfo.InvariantCulture));
        }

        if (request.From is { } from)
        {
            query.Add("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (request.To is { } to)
        {
            query.Add("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (sort == SearchSort.Date)
        {
            query.Add("sort", "date");
        }

        if (page > 1)
        {
            query.Add("page", page.ToString(CultureInfo.InvariantCulture));
        }

        return "/search" + query.ToQueryString();
    }
}
