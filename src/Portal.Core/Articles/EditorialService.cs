using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Preview;
using Portal.Core.Site;

namespace Portal.Core.Articles;

/// <summary>
/// The write side of the editorial workflow (docs/decisions/0002): 草稿 → 待审 → one to three review
/// levels → 发布 or 定时发布 → 撤回; 退回 with a comment at any level; corrections of live articles
/// (待审修改) that go through the same levels while the live version stays online; the recycle
/// bin; restoring old revisions. Who may do what is <see cref="ArticleWorkflow"/>'s table, checked
/// here whatever the page showed. Every command is one save (<see cref="ArticleCommandRunner"/>):
/// the change, its revision (written by <see cref="ArticleRevisionWriter"/>) and its audit entry
/// are stored together or not at all. What the last approval does is <see cref="ArticlePublishing"/>'s.
/// </summary>
public sealed class EditorialService(
    PortalDbContext db,
    AuditLog audit,
    ArticleRevisionWriter revisions,
    ArticleFieldRules fieldRules,
    EditorialContext context,
    ArticleCommandRunner runner,
    ArticlePublishing publishing,
    TimeProvider time)
{
    /// <summary>The revision note of a save by the scheduler, shown in history.</summary>
    public const string ScheduledPublishNote = "定时发布执行";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Creates a draft (and optionally submits it at once).</summary>
    public async Task<CommandResult> CreateAsync(EditorialActor actor, ArticleFields fields, bool submit, CancellationToken cancellationToken = default)
    {
        var limits = await context.LimitsOfAsync(actor, cancellationToken);
        var errors = await fieldRules.CheckAsync(fields, limits.Sections, limits.Names, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        // The article's id exists only after the insert: audit entries naming it follow in a second
        // save of the same transaction, so they are still stored together or not at all. A retrying
        // execution strategy runs the unit again from its start after a failed attempt, whose
        // entities (accepted by its first save, though rolled back) would otherwise be taken for
        // stored ones: each attempt starts from an empty change tracker and builds its own.
        return await db.InTransactionAsync(
            async () =>
            {
                db.ChangeTracker.Clear();
                var now = Now;
                var article = new Article
                {
                    UrlKey = await NewUrlKeyAsync(cancellationToken),
                    Status = ArticleStatus.Draft,
                    AuthorId = actor.UserId,
                    CreatedAt = now,
                    PublishedAt = fields.PublishedAt ?? now,
                    PublishedAtChosen = fields.PublishedAt is not null,
                };
                ArticleEdits.Apply(article, fields);
                article.LastEditorId = actor.UserId;
                if (submit)
                {
                    ArticleEdits.StartRound(article, ArticleStatus.Submitted, now);
                }

                db.Articles.Add(article);
                await revisions.AddAsync(article, actor.UserId, submit ? "新建并提交审核" : "新建草稿", cancellationToken: cancellationToken);
                await db.SaveChangesAsync(cancellationToken);

                var id = Key(article);
                audit.Add(AuditActions.ArticleCreate, "article", id, article.Title);
                if (submit)
                {
                    audit.Add(AuditActions.ArticleSubmit, "article", id, article.Title);
                }

                await db.SaveChangesAsync(cancellationToken);
                return CommandResult.Ok(submit ? "已保存并提交审核。" : "草稿已保存。", article.Id);
            },
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Saves an edit (and optionally submits it). <paramref name="expectedVersion"/> is the version
    /// the editor loaded; if someone saved since, nothing is written and the result is a conflict.
    /// A change to a live article becomes its 待审修改: readers keep the live version until the
    /// change is approved at every review level of the section.
    /// </summary>
    public Task<CommandResult> SaveAsync(EditorialActor actor, int id, int expectedVersion, ArticleFields fields, bool submit, CancellationToken cancellationToken = default) =>
        runner.ChangeAsync(actor, id, expectedVersion, ArticleCommand.Save, async (article, state) =>
        {
            if (submit && ArticleWorkflow.Check(ArticleCommand.Submit, state.Article with { State = ArticleEdits.AfterSave(state.Article.State) }, state.Actor) is { Allowed: false } refusal)
            {
                return CommandResult.Invalid(refusal.Reason!);
            }

            var errors = await fieldRules.CheckAsync(fields, state.Limits.Sections, state.Limits.Names, cancellationToken);
            if (errors.Count > 0)
            {
                return CommandResult.Invalid(errors);
            }

            return article.Status == ArticleStatus.Published
                ? await SaveCorrectionAsync(actor, article, state.Pending, fields, submit, cancellationToken)
                : await SaveWorkingCopyAsync(actor, article, fields, submit, cancellationToken);
        }, cancellationToken);

    private async Task<CommandResult> SaveWorkingCopyAsync(EditorialActor actor, Article article, ArticleFields fields, bool submit, CancellationToken cancellationToken)
    {
        var now = Now;
        var before = ArticleSnapshot.Of(article);
        var chosenBefore = article.PublishedAtChosen;
        ArticleEdits.Apply(article, fields);
        ArticleEdits.ApplyDate(article, fields.PublishedAt, before.PublishedAt);
        var key = Key(article);
        var changed = RevisionDiff.ChangedFieldNames(before, ArticleSnapshot.Of(article));
        if (article.PublishedAtChosen != chosenBefore && !changed.Contains("发布日期"))
        {
            // Emptying the date (publishing will date the article) changes what readers will see.
            changed = [.. changed, "发布日期"];
        }

        // Only a save that changes something makes its author the writer of the change under
        // review (who may then not approve it); an empty save must not move that responsibility.
        if (changed.Count > 0)
        {
            article.LastEditorId = actor.UserId;
        }

        audit.Add(AuditActions.ArticleEdit, "article", key, changed.Count == 0 ? "无内容变化" : "修改：" + string.Join("、", changed));
        var message = submit ? "已保存并提交审核。" : "已保存。";
        if (submit)
        {
            ArticleEdits.StartRound(article, ArticleStatus.Submitted, now);
            audit.Add(AuditActions.ArticleSubmit, "article", key, article.Title);
        }
        else if (article.Status == ArticleStatus.Scheduled && changed.Count > 0)
        {
            // A scheduled article was approved as it was: a changed one needs the approvals again.
            ArticleEdits.StartRound(article, ArticleStatus.Submitted, now);
            audit.Add(AuditActions.ArticleSubmit, "article", key, "定时发布的文章被修改，已取消定时并退回待审");
            message = "已保存。文章内容有变化，已取消定时发布并重新进入待审，需重新审核。";
        }
        else if (article.Status == ArticleStatus.Submitted && changed.Count > 0)
        {
            // The approvals given so far were for other content: the review starts again.
            ArticleEdits.StartRound(article, ArticleStatus.Submitted, now);
            message = "已保存。内容有变化，审核将从第一级重新开始。";
        }

        return await runner.CommitAsync(article, actor.UserId, submit ? "提交审核" : "保存", message, null, cancellationToken);
    }

    private async Task<CommandResult> SaveCorrectionAsync(EditorialActor actor, Article article, ArticleSnapshot? pending, ArticleFields fields, bool submit, CancellationToken cancellationToken)
    {
        var now = Now;
        var start = pending ?? ArticleSnapshot.Of(article);
        var posted = fields.PublishedAt;
        var next = new ArticleSnapshot(
            fields.Title.Trim(),
            fields.SectionId,
            fields.Source.Trim(),
            posted is { } date && ArticleEdits.ToMinute(date) != ArticleEdits.ToMinute(start.PublishedAt) ? date : start.PublishedAt,
            ArticleEdits.Blank(fields.Summary),
            ArticleEdits.Blank(fields.Keywords),
            fields.CoverImageId,
            fields.BodyMarkdown);
        var changed = RevisionDiff.ChangedFieldNames(start, next);
        if (pending is null && changed.Count == 0)
        {
            // Nothing to review: no correction is opened and nothing is written.
            return submit
                ? CommandResult.Invalid("没有修改，无需提交审核；线上版本保持不变。")
                : CommandResult.Ok("没有修改，线上版本保持不变。", article.Id);
        }

        var key = Key(article);
        if (changed.Count > 0)
        {
            article.LastEditorId = actor.UserId;
        }

        audit.Add(AuditActions.ArticleEdit, "article", key, changed.Count == 0 ? "待审修改：无内容变化" : "待审修改：" + string.Join("、", changed));
        var message = pending is null ? "已保存为待审修改，线上版本保持不变；提交审核并通过后替换线上版本。" : "待审修改已保存，线上版本保持不变。";
        if (submit)
        {
            ArticleEdits.StartRound(article, ArticleStatus.Submitted, now);
            audit.Add(AuditActions.ArticleSubmit, "article", key, "提交待审修改：" + next.Title);
            message = "待审修改已提交审核，线上版本保持不变，审核通过后替换。";
        }
        else if (article.PendingStatus is null)
        {
            article.PendingStatus = ArticleStatus.Draft;
        }
        else if (article.PendingStatus == ArticleStatus.Submitted && changed.Count > 0)
        {
            ArticleEdits.StartRound(article, ArticleStatus.Submitted, now);
            message = "待审修改已保存。内容有变化，审核将从第一级重新开始。";
        }

        return await runner.CommitAsync(article, actor.UserId, submit ? "提交待审修改" : "保存待审修改", message, next, cancellationToken);
    }

    /// <summary>草稿, 已退回 or 已撤回 (or a correction being written or returned) → 待审.</summary>
    public Task<CommandResult> SubmitAsync(EditorialActor actor, int id, int expectedVersion, CancellationToken cancellationToken = default) =>
        runner.ChangeAsync(actor, id, expectedVersion, ArticleCommand.Submit, async (article, state) =>
        {
            ArticleEdits.StartRound(article, ArticleStatus.Submitted, Now);
            var correction = state.Pending is not null;
            audit.Add(AuditActions.ArticleSubmit, "article", Key(article), (correction ? "提交待审修改：" : "") + (state.Pending?.Title ?? article.Title));
            return await runner.CommitAsync(article, actor.UserId, correction ? "提交待审修改" : "提交审核", correction ? "待审修改已提交审核。" : "已提交审核。", state.Pending, cancellationToken);
        }, cancellationToken);

    /// <summary>待审 → 已退回 at whatever level it stands, with the reviewer's comment (required), back to the writer.</summary>
    public Task<CommandResult> ReturnAsync(EditorialActor actor, int id, int expectedVersion, string? comment, CancellationToken cancellationToken = default) =>
        runner.ChangeAsync(actor, id, expectedVersion, ArticleCommand.Return, async (article, state) =>
        {
            comment = comment?.Trim();
            if (string.IsNullOrEmpty(comment) || comment.Length > FieldLengths.Comment)
            {
                return CommandResult.Invalid($"请填写退回意见（不超过 {FieldLengths.Comment} 字）。");
            }

            var level = ArticleWorkflow.LevelName(state.Article.NextLevel, state.Article.ReviewLevels);
            ArticleEdits.SetChangeStatus(article, ArticleStatus.Returned);
            article.ReviewComment = comment;
            article.ReviewStage = 0;
            article.SubmittedAt = null;
            audit.Add(AuditActions.ArticleReturn, "article", Key(article), $"{level}退回：{comment}");
            return await runner.CommitAsync(article, actor.UserId, $"{level}退回", "已退回，退回意见已转给撰稿人。", state.Pending, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Approves the next review level of the change under review. The last level publishes it
    /// (its chosen 发布日期 kept, otherwise dated now), schedules it when <paramref name="publishAt"/>
    /// is given (which must lie in the future), or, for a correction, replaces the live version.
    /// Nobody approves their own change (except in a section without review levels) or two levels of one round.
    /// </summary>
    public Task<CommandResult> ApproveAsync(EditorialActor actor, int id, int expectedVersion, DateTime? publishAt, CancellationToken cancellationToken = default) =>
        runner.ChangeAsync(actor, id, expectedVersion, publishAt is null ? ArticleCommand.Approve : ArticleCommand.Schedule, async (article, state) =>
        {
            var now = Now;
            if (publishing.PastSchedule(publishAt) is { } past)
            {
                return past;
            }

            var levels = state.Article.ReviewLevels;
            var level = state.Article.NextLevel;
            var levelName = ArticleWorkflow.LevelName(level, levels);
            if (!state.Article.NextIsFinal)
            {
                await publishing.RecordApprovalAsync(article, level, actor, now, cancellationToken);
                article.ReviewStage = level;
                audit.Add(AuditActions.ArticleApprove, "article", Key(article), $"{levelName}通过（第{level}级，共{levels}级）");
                var nextName = ArticleWorkflow.LevelName(level + 1, levels);
                return await runner.CommitAsync(article, actor.UserId, $"{levelName}通过", $"{levelName}已通过，等待{nextName}。", state.Pending, cancellationToken);
            }

            await publishing.RecordApprovalAsync(article, level, actor, now, cancellationToken);
            audit.Add(AuditActions.ArticleApprove, "article", Key(article), levels <= 1 ? $"{levelName}通过" : $"{levelName}通过（第{level}级，共{levels}级）");
            return state.Pending is { } pending
                ? await publishing.ApplyCorrectionAsync(actor, article, pending, $"{levelName}通过，修改已发布", null, cancellationToken)
                : await publishing.PublishOrScheduleAsync(actor, article, publishAt, null, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// An administrator publishes (or schedules, or applies a correction) whatever the state and
    /// whoever wrote it, with a reason the audit log keeps (<see cref="AuditActions.ArticleForcePublish"/>).
    /// </summary>
    public Task<CommandResult> ForcePublishAsync(EditorialActor actor, int id, int expectedVersion, string? reason, DateTime? publishAt, CancellationToken cancellationToken = default) =>
        runner.ChangeAsync(actor, id, expectedVersion, ArticleCommand.ForcePublish, async (article, state) =>
        {
            reason = reason?.Trim();
            if (string.IsNullOrEmpty(reason) || reason.Length > FieldLengths.Comment)
            {
                return CommandResult.Invalid($"强制发布必须填写理由（不超过 {FieldLengths.Comment} 字）。");
            }

            if (publishing.PastSchedule(publishAt) is { } past)
            {
                return past;
            }

            if (state.Pending is { } pending)
            {
                if (publishAt is not null)
                {
                    return CommandResult.Invalid("待审修改发布后立即替换线上版本，不能定时发布。");
                }

                audit.Add(AuditActions.ArticleForcePublish, "article", Key(article), $"理由：{reason}；修改替换线上版本");
                return await publishing.ApplyCorrectionAsync(actor, article, pending, "强制发布修改", reason, cancellationToken);
            }

            return await publishing.PublishOrScheduleAsync(actor, article, publishAt, reason, cancellationToken);
        }, cancellationToken);

    /// <summary>已发布 or 定时发布 → 已撤回: readers no longer see it. A pending correction becomes the working copy.</summary>
    public Task<CommandResult> WithdrawAsync(EditorialActor actor, int id, int expectedVersion, CancellationToken cancellationToken = default) =>
        runner.ChangeAsync(actor, id, expectedVersion, ArticleCommand.Withdraw, async (article, state) =>
        {
            var merged = ArticleEdits.MergePending(article, await publishing.MergeablePendingAsync(article, state.Pending, cancellationToken));
            article.Status = ArticleStatus.Withdrawn;
            article.ScheduledAt = null;
            audit.Add(AuditActions.ArticleWithdraw, "article", Key(article), article.Title + (merged ? "（待审修改并入撤回后的稿件）" : ""));
            return await runner.CommitAsync(article, actor.UserId, "撤回", merged ? "已撤回，读者已看不到这篇文章。未审核的修改已并入稿件，可继续修改后重新提交审核。" : "已撤回，读者已看不到这篇文章。", null, cancellationToken);
        }, cancellationToken);

    /// <summary>Moves an article to the recycle bin (回收站), noting who did.</summary>
    public Task<CommandResult> DeleteAsync(EditorialActor actor, int id, int expectedVersion, CancellationToken cancellationToken = default) =>
        runner.ChangeAsync(actor, id, expectedVersion, ArticleCommand.Delete, async (article, state) =>
        {
            var now = Now;
            article.DeletedAt = now;
            article.DeletedById = actor.UserId;
            audit.Add(AuditActions.ArticleDelete, "article", Key(article), state.Pending?.Title ?? article.Title);

            // Its preview links die with it, for good: restoring the article does not revive them.
            await PreviewLinkService.RevokeAllAsync(db, article.Id, now, "移入回收站", cancellationToken);
            return await runner.CommitAsync(article, actor.UserId, "移入回收站", "已移入回收站，管理员可以恢复。", state.Pending, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// An administrator takes an article out of the recycle bin. One that was published or
    /// scheduled comes back as 已撤回 (its pending correction merged in), so nothing reappears on
    /// the site without a new approval; the message says so.
    /// </summary>
    public async Task<CommandResult> RestoreAsync(EditorialActor actor, int id, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.DeletedAt != null, cancellationToken);
        if (article is null)
        {
            return CommandResult.NotFound("回收站中没有这篇文章。");
        }

        var state = await context.StateOfAsync(actor, article, cancellationToken);
        if (ArticleWorkflow.Check(ArticleCommand.Restore, state.Article, state.Actor) is { Allowed: false } refusal)
        {
            return refusal.ToResult();
        }

        article.DeletedAt = null;
        article.DeletedById = null;
        var message = "已从回收站恢复。";
        if (article.Status is ArticleStatus.Published or ArticleStatus.Scheduled)
        {
            message = $"已从回收站恢复。这篇文章删除前为“{article.Status.DisplayName()}”，恢复后为“已撤回”，读者看不到它；需重新提交审核通过后才会再次发布。";
            ArticleEdits.MergePending(article, await publishing.MergeablePendingAsync(article, state.Pending, cancellationToken));
            article.Status = ArticleStatus.Withdrawn;
            article.ScheduledAt = null;
        }

        audit.Add(AuditActions.ArticleRestore, "article", Key(article), article.Title);
        return await runner.CommitAsync(article, actor.UserId, "从回收站恢复", message, null, cancellationToken);
    }

    /// <summary>
    /// Copies the fields of revision <paramref name="number"/> into a new draft; of a live article,
    /// into a new 待审修改 (the live version stays until it is approved). The old revisions stay.
    /// </summary>
    public Task<CommandResult> RestoreRevisionAsync(EditorialActor actor, int id, int number, int expectedVersion, CancellationToken cancellationToken = default) =>
        runner.ChangeAsync(actor, id, expectedVersion, ArticleCommand.RestoreRevision, async (article, state) =>
        {
            var revision = await db.ArticleRevisions.AsNoTracking()
                .FirstOrDefaultAsync(r => r.ArticleId == id && r.Number == number, cancellationToken);
            if (revision is null)
            {
                return CommandResult.NotFound("没有这个历史版本。");
            }

            if (!EditorialActor.MayWorkIn(state.Limits.Sections, revision.SectionId))
            {
                return CommandResult.Forbidden($"第{number}版属于您不负责的栏目，不能恢复。");
            }

            var content = new ArticleSnapshot(revision.Title, revision.SectionId, revision.Source, revision.PublishedAt, revision.Summary, revision.Keywords, revision.CoverImageId, revision.BodyMarkdown);
            var note = $"恢复自第{number}版";
            article.LastEditorId = actor.UserId;
            article.ReviewStage = 0;
            article.SubmittedAt = null;
            audit.Add(AuditActions.ArticleRevisionRestore, "article", Key(article), note);
            if (article.Status == ArticleStatus.Published)
            {
                article.PendingStatus = ArticleStatus.Draft;
                return await runner.CommitAsync(article, actor.UserId, note, $"已将第{number}版恢复为待审修改，线上版本保持不变；提交审核并通过后替换。", content, cancellationToken);
            }

            ArticleEdits.Apply(article, content);
            article.PublishedAt = revision.PublishedAt;
            article.Status = ArticleStatus.Draft;
            article.ScheduledAt = null;
            return await runner.CommitAsync(article, actor.UserId, note, $"已将第{number}版恢复为新草稿。", null, cancellationToken);
        }, cancellationToken);

    /// <summary>Drops a live article's 待审修改: the live version stays as it is.</summary>
    public Task<CommandResult> DiscardCorrectionAsync(EditorialActor actor, int id, int expectedVersion, CancellationToken cancellationToken = default) =>
        runner.ChangeAsync(actor, id, expectedVersion, ArticleCommand.DiscardCorrection, async (article, _) =>
        {
            ArticleEdits.ClearPending(article);
            audit.Add(AuditActions.ArticleCorrectionDiscard, "article", Key(article), article.Title);
            return await runner.CommitAsync(article, actor.UserId, "放弃待审修改", "已放弃待审修改，线上版本保持不变。", null, cancellationToken);
        }, cancellationToken);

    /// <summary>What the editor is told, on saving and on previewing alike, when the body nests too deeply to be rendered.</summary>
    public static string BodyTooDeepMessage(MarkdownTooDeepException ex) =>
        string.Create(CultureInfo.InvariantCulture, $"正文嵌套层次过深（第 {ex.Line} 行），请减少引用或列表的嵌套。");

    private async Task<string> NewUrlKeyAsync(CancellationToken cancellationToken)
    {
        // 12 random hex digits (48 bits): unguessable for unpublished drafts, short in a URL.
        while (true)
        {
            var key = RandomNumberGenerator.GetHexString(12, lowercase: true);
            if (!await db.Articles.AnyAsync(a => a.UrlKey == key, cancellationToken))
            {
                return key;
            }
        }
    }

    private static string Key(Article article) => article.Id.ToString(CultureInfo.InvariantCulture);
}
