using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Site;

namespace Portal.Core.Articles;

/// <summary>
/// What an approval leads to: publishing or scheduling an article (its 发布日期 rule), replacing
/// the live version with a correction (checked again first), and the approvals' record. Used by
/// <see cref="EditorialService"/>, which decides, through <see cref="ArticleWorkflow"/>, who may.
/// </summary>
public sealed class ArticlePublishing(PortalDbContext db, AuditLog audit, ArticleFieldRules fieldRules, ArticleCommandRunner runner, SiteClock clock, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The refusal of a schedule time that has already come (null when there is none, or it lies ahead).</summary>
    public CommandResult? PastSchedule(DateTime? publishAt) => publishAt is { } at && at <= Now
        ? CommandResult.Invalid($"定时发布的时间（{clock.Describe(at)}）已经过去，请选择晚于现在的时间；如需立即发布，请不填定时时间直接发布。")
        : null;

    /// <summary>
    /// The last approval of a new or withdrawn article (or a forced publication): published now,
    /// dated with the editor's chosen date or the moment; or scheduled at <paramref name="publishAt"/>.
    /// </summary>
    public async Task<CommandResult> PublishOrScheduleAsync(EditorialActor actor, Article article, DateTime? publishAt, string? forceReason, CancellationToken cancellationToken)
    {
        var now = Now;
        var key = Key(article);
        var at = publishAt ?? now;
        var schedule = publishAt is not null;

        // The date readers see is the one the editor chose; without one, publishing dates it.
        if (article.PublishedAtChosen && article.PublishedAt > at)
        {
            return CommandResult.Invalid($"发布日期（{clock.Describe(article.PublishedAt)}）晚于{(schedule ? "定时发布的时间" : "现在")}，读者在该日期之前看不到这篇文章。请修改发布日期或选择更晚的定时。");
        }

        if (!article.PublishedAtChosen)
        {
            article.PublishedAt = at;
        }

        article.HasPublishTime = true;
        article.Status = schedule ? ArticleStatus.Scheduled : ArticleStatus.Published;
        article.ScheduledAt = schedule ? at : null;
        article.SubmittedAt = null;
        article.ReviewComment = null;
        var dated = article.PublishedAtChosen ? $"；发布日期 {clock.Describe(article.PublishedAt)}（编辑设定）" : "";
        var when = (schedule ? $"定时 {clock.Describe(at)}" : $"发布时间 {clock.Describe(at)}") + dated;
        if (forceReason is not null)
        {
            audit.Add(AuditActions.ArticleForcePublish, "article", key, $"理由：{forceReason}；{when}");
        }
        else
        {
            audit.Add(schedule ? AuditActions.ArticleSchedule : AuditActions.ArticlePublish, "article", key, when);
        }

        var note = (forceReason is not null ? "强制" : "") + (schedule ? "定时发布" : "发布");
        var message = schedule ? $"已定时发布：{clock.Describe(at)}。" : "已发布。";
        return await runner.CommitAsync(article, actor.UserId, note, message, null, cancellationToken, publishes: !schedule);
    }

    /// <summary>The last approval of a correction: its content becomes the live version, at the same address.</summary>
    public async Task<CommandResult> ApplyCorrectionAsync(EditorialActor actor, Article article, ArticleSnapshot pending, string note, string? forceReason, CancellationToken cancellationToken)
    {
        // The correction was checked when saved; what it refers to may have gone since (a section,
        // an image), and its date must not hide the live article.
        if (await fieldRules.CheckAsync(ArticleEdits.FieldsOf(pending), null, "", cancellationToken) is { Count: > 0 } problems)
        {
            return CommandResult.Invalid("待审修改不能发布：" + problems[0].Message + "请修改后重新提交。");
        }

        if (pending.PublishedAt > Now)
        {
            return CommandResult.Invalid($"待审修改的发布日期（{clock.Describe(pending.PublishedAt)}）晚于现在，发布后读者将看不到这篇文章。请修改发布日期后重新提交。");
        }

        var before = ArticleSnapshot.Of(article);
        ArticleEdits.Apply(article, pending);
        if (pending.PublishedAt != before.PublishedAt)
        {
            article.PublishedAt = pending.PublishedAt;
            article.PublishedAtChosen = true;
            article.HasPublishTime = true;
            audit.Add(AuditActions.ArticlePublishDateChange, "article", Key(article), $"发布日期：{clock.Describe(before.PublishedAt)} → {clock.Describe(article.PublishedAt)}");
        }

        ArticleEdits.ClearPending(article);
        article.RevisedAt = Now;
        if (forceReason is null)
        {
            audit.Add(AuditActions.ArticleCorrectionPublish, "article", Key(article), "修改：" + string.Join("、", RevisionDiff.ChangedFieldNames(before, pending)));
        }

        return await runner.CommitAsync(article, actor.UserId, note, "修改已发布，线上版本已更新（网址不变）。", null, cancellationToken, publishes: true);
    }

    /// <summary>
    /// The pending correction to merge into the working copy, or null when there is none or it
    /// refers to a section or cover image that no longer exists (it would not store): then it is
    /// dropped, its text staying in history.
    /// </summary>
    public async Task<ArticleSnapshot?> MergeablePendingAsync(Article article, ArticleSnapshot? pending, CancellationToken cancellationToken)
    {
        if (pending is null)
        {
            return null;
        }

        var sectionExists = await db.Sections.AnyAsync(s => s.Id == pending.SectionId, cancellationToken);
        var coverExists = pending.CoverImageId is not { } cover || await db.MediaFiles.AnyAsync(m => m.Id == cover, cancellationToken);
        if (sectionExists && coverExists)
        {
            return pending;
        }

        ArticleEdits.ClearPending(article);
        return null;
    }

    /// <summary>Records one level's approval of the current round, in the caller's save.</summary>
    public async Task RecordApprovalAsync(Article article, int level, EditorialActor actor, DateTime now, CancellationToken cancellationToken) =>
        db.ArticleApprovals.Add(new ArticleApproval
        {
            ArticleId = article.Id,
            Round = article.ReviewRound,
            Level = level,
            RevisionNumber = article.Version,
            ReviewerId = actor.UserId,
            ReviewerName = AuditLog.Truncate(await ArticleRevisionWriter.DisplayNameAsync(db, actor.UserId, cancellationToken), FieldLengths.DisplayName),
            ApprovedAt = now,
        });

    private static string Key(Article article) => article.Id.ToString(CultureInfo.InvariantCulture);
}
