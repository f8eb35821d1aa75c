using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Articles;

/// <summary>
/// An article in an editor's dashboard list. <c>Status</c> is the status of the piece of work: the
/// article's, or its correction's when <c>IsCorrection</c> (a 待审修改 of a live article, whose live
/// version stays online meanwhile).
/// </summary>
public sealed record ArticleWorkItem(int Id, string Title, ArticleStatus Status, string? ReviewComment, bool IsCorrection = false);

/// <summary>
/// What waits for whom: the reviewer's queue and an editor's own drafts, returned articles and
/// corrections. Every list and count keeps to the reader's sections (<see cref="SectionLimits"/>),
/// as the article list does, so a tile's number is the number of rows its link shows.
/// </summary>
public sealed class DashboardQueries(PortalDbContext db)
{
    /// <summary>How many items each dashboard list shows.</summary>
    public const int ListSize = 10;

    /// <summary>
    /// Submitted articles and submitted corrections of live ones, longest waiting first (first
    /// come, first reviewed), with author, section and review level.
    /// </summary>
    public Task<List<ReviewQueueItem>> AwaitingReviewAsync(IReadOnlyCollection<int>? sections, CancellationToken cancellationToken = default) =>
        db.Articles.AsNoTracking()
            .Where(a => a.DeletedAt == null && (a.Status == ArticleStatus.Submitted || a.PendingStatus == ArticleStatus.Submitted))
            .Within(sections)
            .OrderBy(a => a.SubmittedAt ?? a.UpdatedAt).ThenBy(a => a.Id)
            .Take(ListSize)
            .Select(a => new ReviewQueueItem(
                a.Id,
                a.Title,
                a.Section!.Name,

                // The writer of the change under review; the author when that is not recorded.
                db.Users.Where(u => u.Id == (a.LastEditorId ?? a.AuthorId)).Select(u => u.DisplayName == "" ? u.UserName : u.DisplayName).FirstOrDefault(),
                a.Status != ArticleStatus.Submitted,
                a.ReviewStage,
                a.Section.ReviewLevels,
                a.SubmittedAt ?? a.UpdatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// An editor's own drafts and returned articles, and the corrections they wrote that are
    /// drafts or were returned, most recently changed first.
    /// </summary>
    public Task<List<ArticleWorkItem>> MyOpenWorkAsync(string userId, IReadOnlyCollection<int>? sections, CancellationToken cancellationToken = default) =>
        db.Articles.AsNoTracking()
            .Where(a => a.DeletedAt == null
                && ((a.AuthorId == userId && (a.Status == ArticleStatus.Draft || a.Status == ArticleStatus.Returned))
                    || (a.LastEditorId == userId && (a.PendingStatus == ArticleStatus.Draft || a.PendingStatus == ArticleStatus.Returned))))
            .Within(sections)
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Take(ListSize)
            .Select(a => a.PendingStatus != null
                ? new ArticleWorkItem(a.Id, a.Title, a.PendingStatus.Value, a.ReviewComment, true)
                : new ArticleWorkItem(a.Id, a.Title, a.Status, a.ReviewComment, false))
            .ToListAsync(cancellationToken);

    /// <summary>The tiles' numbers within <paramref name="sections"/>; the recycle bin's only when <paramref name="withBin"/>.</summary>
    public async Task<DashboardCounts> CountsAsync(IReadOnlyCollection<int>? sections, bool withBin, CancellationToken cancellationToken = default)
    {
        var articles = db.Articles.AsNoTracking().Within(sections);
        var byStatus = await articles
            .Where(a => a.DeletedAt == null)
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Status, c => c.Count, cancellationToken);
        var pending = await articles.CountAsync(a => a.DeletedAt == null && a.PendingStatus != null, cancellationToken);
        int? bin = withBin ? await articles.CountAsync(a => a.DeletedAt != null, cancellationToken) : null;
        return new DashboardCounts(byStatus, pending, bin);
    }
}
