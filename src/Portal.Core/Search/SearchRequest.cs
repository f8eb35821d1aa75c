namespace Portal.Core.Search;

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
