namespace Portal.Web.ViewComponents;

/// <summary>What the page head renders.</summary>
/// <param name="Title">The <c>&lt;title&gt;</c>.</param>
/// <param name="Meta"><c>&lt;meta name content&gt;</c> pairs, every one with a value.</param>
/// <param name="Properties"><c>&lt;meta property content&gt;</c> pairs (Open Graph), every one with a value.</param>
/// <param name="Canonical">The page's absolute canonical address; null for pages without one.</param>
/// <param name="Feeds">The feeds announced with <c>&lt;link rel="alternate"&gt;</c>.</param>
public sealed record PageHeadViewModel(
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> Meta,
    IReadOnlyList<KeyValuePair<string, string>> Properties,
    string? Canonical,
    IReadOnlyList<FeedLink> Feeds);
