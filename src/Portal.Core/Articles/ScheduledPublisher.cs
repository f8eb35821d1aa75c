using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Site;

namespace Portal.Core.Articles;

/// <summary>Scheduled publishing (section <c>Publishing</c>).</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Publishing";

    /// <summary>
    /// Seconds between two looks for due scheduled articles; default 30, so an article appears
    /// within a minute of its time. 1 to 3600.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Publishing:PollSeconds must be between 1 and 3600 seconds.")]
    public int PollSeconds { get; set; } = 30;

    /// <summary>
    /// Whether this server runs the scheduler; default true. Safe to leave on for every server
    /// (each article is published exactly once); tests turn it off to drive it by hand.
    /// </summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>The audit actor of work the portal does by itself (scheduled publishing).</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public static SystemAuditActor Instance { get; } = new();

    public string? UserId => null;

    public string UserName => "system";

    public string? IpAddress => null;
}

/// <summary>
/// Publishes scheduled articles whose time (<see cref="Article.ScheduledAt"/>) has come. State lives
/// only in the database, so a restart loses nothing. Each article is saved through
/// <see cref="ArticleRevisionWriter"/> like any other change, against its version token: when
/// several servers run at once, exactly one save succeeds, and only that server's revision and
/// audit entry are stored, in the same transaction.
/// </summary>
public sealed class ScheduledPublisher(PortalDbContext db, ArticleRevisionWriter revisions, SiteClock clock, TimeProvider time, ILogger<ScheduledPublisher> logger)
{
    /// <summary>How many due articles one pass handles at most; the next pass takes the rest.</summary>
    public const int BatchSize = 100;

    private readonly AuditLog _audit = new(db, SystemAuditActor.Instance, time);

    /// <summary>Publishes every due scheduled article; returns how many this call published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Scheduled && a.DeletedAt == null && a.ScheduledAt <= now)
            .OrderBy(a => a.ScheduledAt).ThenBy(a => a.Id)
            .Select(a => a.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var id in due)
        {
            if (await PublishOneAsync(id, now, cancellationToken))
            {
                published++;
            }
        }

        return published;
    }

    private async Task<bool> PublishOneAsync(int id, DateTime now, CancellationToken cancellationToken)
    {
        var published = await db.InTransactionAsync(
            () => PublishInTransactionAsync(id, now, cancellationToken),
            committed => committed,
            cancellationToken);
        if (published)
        {
            logger.LogInformation("Published scheduled article {ArticleId}", id);
        }

        return published;
    }

    private async Task<bool> PublishInTransactionAsync(int id, DateTime now, CancellationToken cancellationToken)
    {
        // A retrying execution strategy runs this again after a failed attempt (a failed commit
        // too, when the save had already accepted its revision and audit entry): start from an
        // empty change tracker, so nothing of that attempt is taken for stored or saved twice.
        db.ChangeTracker.Clear();
        var article = await db.Articles.FirstOrDefaultAsync(
            a => a.Id == id && a.Status == ArticleStatus.Scheduled && a.DeletedAt == null && a.ScheduledAt <= now,
            cancellationToken);
        if (article is null)
        {
            // Another server (or a reviewer's withdrawal) got there first; nothing to commit.
            return false;
        }

        var at = article.ScheduledAt!.Value;
        article.Status = ArticleStatus.Published;
        article.ScheduledAt = null;
        if (!article.PublishedAtChosen)
        {
            article.PublishedAt = at;
        }

        await revisions.AddAsync(article, userId: null, EditorialService.ScheduledPublishNote, cancellationToken: cancellationToken);
        article.LiveRevision = article.Version;
        _audit.Add(AuditActions.ArticleScheduledPublish, "article", id.ToString(CultureInfo.InvariantCulture), $"发布时间 {clock.Describe(at)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Someone saved the article between our read and our write (another server publishing
            // it, a reviewer withdrawing it): the version token no longer matches, or the revision
            // number it implies is taken. Theirs stands; ours is rolled back. Should the article
            // still be due, the next pass tries again.
            db.ChangeTracker.Clear();
            logger.LogInformation(ex, "Scheduled article {ArticleId} was saved by someone else meanwhile", id);
            return false;
        }

        return true;
    }
}
