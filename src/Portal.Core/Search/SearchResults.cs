using Portal.Core.Paging;

namespace Portal.Core.Search;

/// <summary>
/// A page of results and what the page should tell the reader about the search. <see cref="Hits"/>
/// pages through the results a reader can reach (at most <see cref="SearchService.MaxResults"/>);
/// <see cref="TotalFound"/> is how many matched.
/// </summary>
public sealed record SearchResults(
    PagedList<SearchHit> Hits,
    string Query,
    SearchRequest Request,
    IReadOnlyList<string> Notices)
{
    /// <summary>Whether there was anything to search for (an empty or all-punctuation query is not).</summary>
    public bool HasQuery => Query.Length > 0;

    /// <summary>How many articles matched, all of them (the pages reach the first <see cref="SearchService.MaxResults"/>).</summary>
    public int TotalFound { get; init; }
}
