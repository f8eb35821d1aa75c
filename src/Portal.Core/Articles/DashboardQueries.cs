using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Articles;

/// <summary>An article in an admin list.</summary>
public sealed record ArticleWorkItem(int Id, string Title, ArticleStatus Status, string? ReviewComment);

/// <summary>What waits for whom: the reviewer's queue and an editor's own drafts and returned articles.</summary>
public sealed class DashboardQueries(PortalDbContext db)
{
    /// <summary>How many items each dashboard list shows.</summary>
    public const int ListSize = 10;

    /// <summary>Articles submitted for review, oldest first (first come, first reviewed).</summary>
    public Task<List<ArticleWorkItem>> AwaitingReviewAsync(CancellationToken cancellationToken = default) =>
        db.Articles.AsNoTracking()
            .Where(a => a.DeletedAt == null && a.Status == ArticleStatus.Submitted)
            .OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id)
            .Take(ListSize)
            .Select(a => new ArticleWorkItem(a.Id, a.Title, a.Status, a.ReviewComment))
            .ToListAsync(cancellationToken);

    /// <summary>An editor's drafts and returned articles, most recently changed first.</summary>
    public Task<List<ArticleWorkItem>> MyOpenWorkAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Articles.AsNoTracking()
            .Where(a => a.DeletedAt == null && a.AuthorId == userId && (a.Status == ArticleStatus.Draft || a.Status == ArticleStatus.Returned))
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Take(ListSize)
            .Select(a => new ArticleWorkItem(a.Id, a.Title, a.Status, a.ReviewComment))
            .ToListAsync(cancellationToken);

    /// <summary>Articles by status (the recycle bin not counted).</summary>
    public async Task<Dictionary<ArticleStatus, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.Articles.AsNoTracking()
            .Where(a => a.DeletedAt == null)
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Status, c => c.Count);
    }
}
