using Portal.Core.Paging;

namespace Portal.Core.Search;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first (the default).</summary>
    Relevance,

    /// <summary>Newest first.</summary>
    Date,
}

/// <summary>
/// What a reader asked: the words, and optionally a section (its sub-sections included), a date
/// range in the site's time zone (both ends included), the order and the page.
/// </summary>
public sealed record SearchRequest(
    string? Query,
    int? SectionId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    SearchSort Sort = SearchSort.Relevance,
    int Page = 1);

/// <summary>
/// One result. <see cref="TitleHtml"/> and <see cref="FragmentHtml"/> are HTML: the article's text
/// encoded, with the matched words in <c>&lt;mark&gt;</c>; nothing else of them is markup.
/// </summary>
public sealed record SearchHit(string UrlKey, string Title, string TitleHtml, string FragmentHtml, DateTime PublishedAt, int SectionId);

/// <summary>A page of results and what the page should tell the reader about the search.</summary>
public sealed record SearchResults(
    PagedList<SearchHit> Hits,
    string Query,
    SearchRequest Request,
    IReadOnlyList<string> Notices)
{
    /// <summary>Whether there was anything to search for (an empty or all-punctuation query is not).</summary>
    public bool HasQuery => Query.Length > 0;

    /// <summary>Whether some results match only some of the words (no article matched them all).</summary>
    public bool PartialMatch { get; init; }

    /// <summary>Whether the index is still being built, so results may be missing.</summary>
    public bool Incomplete { get; init; }
}
