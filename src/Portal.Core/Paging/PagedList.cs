using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Paging;

/// <summary>Where a page stands among the pages of a list: what a pager needs, whatever the items are.</summary>
public interface IPageInfo
{
    int PageNumber { get; }

    int PageSize { get; }

    int TotalCount { get; }

    int PageCount { get; }

    bool HasPrevious { get; }

    bool HasNext { get; }
}

/// <summary>One page of an ordered query, with what a pager needs to link the other pages.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount) : IPageInfo
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < PageCount;
}

/// <summary>Paging of EF Core queries: one implementation for every list in the portal.</summary>
public static class PagingExtensions
{
    /// <summary>
    /// Counts <paramref name="query"/> and reads page <paramref name="pageNumber"/> of it (1-based).
    /// The query must already be ordered deterministically, or pages may overlap. A page beyond the
    /// last comes back empty (with the true <see cref="PagedList{T}.TotalCount"/>, so callers can
    /// answer 404) without reading items: its offset may not even fit an <see cref="int"/>.
    /// </summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int pageNumber, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var total = await query.CountAsync(cancellationToken);

        // In long: (pageNumber - 1) * pageSize overflows int for a page number typed into an
        // address (?page=2147483647), and a negative OFFSET is an error on PostgreSQL and SQL Server.
        var skip = (long)(pageNumber - 1) * pageSize;
        if (skip >= total)
        {
            return new PagedList<T>([], pageNumber, pageSize, total);
        }

        var items = await query.Skip((int)skip).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, pageNumber, pageSize, total);
    }
}
