using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Core.Articles;
using Portal.Core.Paging;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>The article list with its filters, its order and the bulk actions the reader is offered.</summary>
public sealed class ArticleListViewModel
{
    /// <summary>The status filter's value for 有待审修改 (live articles with a pending correction).</summary>
    public const string PendingChangeValue = "pending";

    public const string Path = "/admin/articles";

    public required PagedList<ArticleAdminItem> Page { get; init; }

    public ArticleStatus? Status { get; init; }

    /// <summary>有待审修改 was chosen in the status filter.</summary>
    public bool PendingChange { get; init; }

    public int? SectionId { get; init; }

    public string? AuthorId { get; init; }

    public string? Search { get; init; }

    public ArticleSort Sort { get; init; } = ArticleSort.Default;

    public required IReadOnlyList<Choice> Sections { get; init; }

    public required IReadOnlyList<Choice> Authors { get; init; }

    /// <summary>The names of the sections the reader is limited to; empty when they see every section.</summary>
    public IReadOnlyList<string> LimitedTo { get; init; } = [];

    /// <summary>The bulk commands offered (<see cref="ArticleBulkService.CommandsFor"/>).</summary>
    public IReadOnlyList<ArticleBulkCommand> BulkCommands { get; init; } = [];

    /// <summary>The status filter's value in the address: a status name, <see cref="PendingChangeValue"/> or empty.</summary>
    public string StatusValue => PendingChange ? PendingChangeValue : Status?.ToString() ?? "";

    /// <summary>Reads the status filter: a status name (not a number), <see cref="PendingChangeValue"/>, or nothing for anything else.</summary>
    public static (ArticleStatus? Status, bool PendingChange) ParseStatus(string? value)
    {
        if (string.Equals(value, PendingChangeValue, StringComparison.OrdinalIgnoreCase))
        {
            return (null, true);
        }

        var match = Enum.GetValues<ArticleStatus>().Where(s => string.Equals(s.ToString(), value, StringComparison.OrdinalIgnoreCase)).ToList();
        return (match.Count == 1 ? match[0] : null, false);
    }

    /// <summary>This list's address with its filters and <paramref name="sort"/> (page 1): for the column headers.</summary>
    public string Href(ArticleSort sort) => QueryHelpers.AddQueryString(Path, Query(sort));

    /// <summary>This list's address as shown (filters, order and page): where the bulk result page links back to.</summary>
    public string CurrentHref
    {
        get
        {
            var query = Query(Sort);
            if (Page.PageNumber > 1)
            {
                query.Add(new("page", Page.PageNumber.ToString(CultureInfo.InvariantCulture)));
            }

            return QueryHelpers.AddQueryString(Path, query);
        }
    }

    /// <summary>The <c>aria-sort</c> of a column header: the current order on the sorted column, none elsewhere.</summary>
    public string? AriaSort(ArticleSortKey key) => Sort.Key == key ? (Sort.Descending ? "descending" : "ascending") : null;

    private List<KeyValuePair<string, string?>> Query(ArticleSort sort)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(new(name, value));
            }
        }

        Add("q", Search);
        Add("status", StatusValue);
        Add("sectionId", SectionId?.ToString(CultureInfo.InvariantCulture));
        Add("authorId", AuthorId);
        Add("sort", sort.SortValue);
        Add("dir", sort.DirectionValue);
        return query;
    }
}
