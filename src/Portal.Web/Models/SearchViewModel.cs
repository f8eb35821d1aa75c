using Portal.Core.Search;
using Portal.Core.Sections;

namespace Portal.Web.Models;

/// <summary>站内搜索: the form as the reader filled it, the results and what to tell about them.</summary>
public sealed class SearchViewModel : PageViewModel
{
    public required SearchResults Results { get; init; }

    /// <summary>Notices about the input (from the page's own parsing) and the search (from the service).</summary>
    public required IReadOnlyList<string> Notices { get; init; }

    /// <summary>The sections: the filter's options, and each result's section.</summary>
    public required SectionTree Tree { get; init; }

    /// <summary>首页 > 站内搜索, whatever was searched.</summary>
    public override string? BreadcrumbTail => "站内搜索";

    /// <summary>The address of a search for the same words in another order.</summary>
    public required Func<SearchSort, string> SortUrl { get; init; }
}
