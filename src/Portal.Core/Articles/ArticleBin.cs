using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Paging;
using Portal.Core.Search;
using Portal.Core.Site;

namespace Portal.Core.Articles;

/// <summary>
/// 回收站: the articles moved there (who did it, when, from which section and status) and their
/// permanent deletion by an administrator. Moving an article in and restoring it are
/// <see cref="EditorialService"/>'s commands.
/// </summary>
public sealed class ArticleBin(PortalDbContext db, AuditLog audit, TimeProvider time)
{
    public const int PageSize = 20;

    /// <summary>The message of a permanent deletion.</summary>
    public const string PurgedMessage = "已永久删除。";

    /// <summary>Whether <paramref name="actor"/> may delete an article from the recycle bin for good (<see cref="ArticleWorkflow"/>: administrators only).</summary>
    public static WorkflowDecision MayPurge(EditorialActor actor) =>
        ArticleWorkflow.Check(ArticleCommand.Purge, new WorkflowArticle(WorkflowState.InBin), new WorkflowActor(actor.CanReview, actor.IsAdmin));

    /// <summary>The details of a purge's audit entry: the title it had and its id (the only trace left of it).</summary>
    public static string PurgeDetails(string title, int id) =>
        string.Create(CultureInfo.InvariantCulture, $"永久删除“{title}”（文章 #{id}）");

    /// <summary>The title written by <see cref="PurgeDetails"/>, or null for other text.</summary>
    public static string? TitleFromPurgeDetails(string? details)
    {
        if (details is null || !details.StartsWith("永久删除“", StringComparison.Ordinal))
        {
            return null;
        }

        var end = details.LastIndexOf('”');
        return end > "永久删除“".Length ? details["永久删除“".Length..end] : null;
    }

    /// <summary>A page of the recycle bin, most recently deleted first, optionally filtered by title.</summary>
    public async Task<PagedList<ArticleBinItem>> ListAsync(int page, string? search = null, CancellationToken cancellationToken = default)
    {
        var deleted = db.Articles.AsNoTracking().Where(a => a.DeletedAt != null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            deleted = deleted.Where(a => a.Title.Contains(term));
        }

        var rows = await deleted.OrderByDescending(a => a.DeletedAt).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Title,
                SectionName = a.Section!.Name,
                a.Status,
                DeletedAt = a.DeletedAt!.Value,
                DeletedBy = db.Users.Where(u => u.Id == a.DeletedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToPagedListAsync(page, PageSize, cancellationToken);

        // Articles deleted before the bin recorded who did it: the audit log's latest deletion of each says.
        var unknown = rows.Items.Where(r => string.IsNullOrEmpty(r.DeletedBy))
            .Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var fromLog = new Dictionary<string, string>(StringComparer.Ordinal);
        if (unknown.Count > 0)
        {
            var deletions = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == AuditActions.ArticleDelete && e.TargetType == AuditTargetTypes.Article && unknown.Contains(e.TargetId!))
                .OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new
                {
                    e.TargetId,
                    Name = db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? e.UserName,
                })
                .ToListAsync(cancellationToken);
            foreach (var deletion in deletions)
            {
                fromLog[deletion.TargetId!] = deletion.Name;
            }
        }

        var items = rows.Items.Select(r => new ArticleBinItem(
            r.Id, r.Title, r.SectionName, r.Status, r.DeletedAt,
            string.IsNullOrEmpty(r.DeletedBy) ? fromLog.GetValueOrDefault(r.Id.ToString(CultureInfo.InvariantCulture)) : r.DeletedBy)).ToList();
        return new PagedList<ArticleBinItem>(items, rows.PageNumber, rows.PageSize, rows.TotalCount);
    }

    /// <summary>
    /// Deletes an article in the recycle bin for good, with its revisions, approvals, preview links
    /// and media uses (the store's cascades), and records it: the audit entry (kept; it is the only
    /// trace) and the change log row that makes every search index drop the article, in one
    /// transaction. The deletion is one conditional statement, so of concurrent requests exactly
    /// one deletes and records; the others find nothing to delete.
    /// </summary>
    public async Task<CommandResult> PurgeAsync(EditorialActor actor, int id, CancellationToken cancellationToken = default)
    {
        if (MayPurge(actor) is { Allowed: false } refusal)
        {
            return refusal.ToResult();
        }

        // Read first, outside the transaction: an article in the bin cannot be edited, so its title
        // and key stay as read. The transaction then starts with the deletion itself, a write, so
        // concurrent purges queue for the write lock (SQLite) instead of deadlocking on an upgrade.
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Title, a.UrlKey, a.DeletedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return CommandResult.NotFound();
        }

        if (article.DeletedAt is null)
        {
            return CommandResult.Invalid("只能永久删除回收站中的文章，请先将文章移入回收站。");
        }

        return await db.InTransactionAsync(async () =>
        {
            var deleted = await db.Articles.Where(a => a.Id == id && a.DeletedAt != null).ExecuteDeleteAsync(cancellationToken);
            if (deleted == 0)
            {
                // Someone purged (or restored) it in the meantime.
                return CommandResult.NotFound();
            }

            var now = time.GetUtcNow().UtcDateTime;
            audit.Add(AuditActions.ArticlePurge, AuditTargetTypes.Article, id.ToString(CultureInfo.InvariantCulture), PurgeDetails(article.Title, id));

            // The statement bypassed the change tracker, so the change log row is written here.
            ContentChangeRecorder.Add(db, ContentChangeKind.Article, article.UrlKey, now);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Ok(PurgedMessage, id);
        }, r => r.Succeeded, cancellationToken);
    }
}
