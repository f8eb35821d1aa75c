using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Media;
using Portal.Core.Preview;

namespace Portal.Core.Articles;

/// <summary>
/// The write side of the editorial workflow: 草稿 → 待审 → 发布 or 定时发布 → 撤回, 退回 with a
/// comment, the recycle bin, and restoring old revisions. Every command is one save that
/// increments <see cref="Article.Version"/> (the concurrency token), writes an
/// <see cref="ArticleRevision"/> whose <see cref="ArticleRevision.Number"/> equals the new version
/// (so the state a user started from is always findable), and adds its audit entry to the same
/// <c>SaveChanges</c>: the change, the revision and the audit entry are stored together or not at all.
/// The rules (roles, sections, separation of duties) are checked here, whatever the UI shows.
/// </summary>
public sealed class EditorialService(PortalDbContext db, AuditLog audit, MarkdownRenderer renderer, TimeProvider time, BodyMediaRules? mediaRules = null)
{
    /// <summary>The revision note of a save by the scheduler, shown in history.</summary>
    public const string ScheduledPublishNote = "定时发布执行";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Creates a draft (and optionally submits it at once).</summary>
    public async Task<EditorialResult> CreateAsync(EditorialActor actor, ArticleFields fields, bool submit, CancellationToken cancellationToken = default)
    {
        var errors = await ValidateAsync(fields, await AllowedSectionsAsync(actor, cancellationToken), cancellationToken);
        if (errors.Count > 0)
        {
            return EditorialResult.Invalid(errors);
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
                    Status = submit ? ArticleStatus.Submitted : ArticleStatus.Draft,
                    AuthorId = actor.UserId,
                    CreatedAt = now,
                    PublishedAt = fields.PublishedAt ?? now,
                };
                Apply(article, fields);
                article.LastEditorId = actor.UserId;
                db.Articles.Add(article);
                await AddRevisionAsync(article, actor.UserId, submit ? "新建并提交审核" : "新建草稿", cancellationToken);
                await db.SaveChangesAsync(cancellationToken);

                var id = Key(article);
                audit.Add(AuditActions.ArticleCreate, "article", id, article.Title);
                if (submit)
                {
                    audit.Add(AuditActions.ArticleSubmit, "article", id, article.Title);
                }

                await db.SaveChangesAsync(cancellationToken);
                return EditorialResult.Ok(article.Id, submit ? "已保存并提交审核。" : "草稿已保存。");
            },
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Saves an edit (and optionally submits it). <paramref name="expectedVersion"/> is the version
    /// the editor loaded; if someone saved since, nothing is written and the result is a conflict.
    /// Editors may change drafts, returned, withdrawn and submitted articles; a published or
    /// scheduled article is corrected by a reviewer or admin, and its publish date only by them,
    /// always with an audit entry naming the old and new date.
    /// </summary>
    public Task<EditorialResult> SaveAsync(EditorialActor actor, int id, int expectedVersion, ArticleFields fields, bool submit, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, article => SaveChangedAsync(actor, article, fields, submit, cancellationToken), cancellationToken);

    private async Task<EditorialResult> SaveChangedAsync(EditorialActor actor, Article article, ArticleFields fields, bool submit, CancellationToken cancellationToken)
    {
        var allowed = await AllowedSectionsAsync(actor, cancellationToken);
        if (!MaySection(allowed, article.SectionId))
        {
            return EditorialResult.Forbidden("您没有编辑该栏目文章的权限。");
        }

        var live = article.Status is ArticleStatus.Published or ArticleStatus.Scheduled;
        if (live && !actor.CanReview)
        {
            return EditorialResult.Forbidden("已发布或定时发布的文章只能由审核或管理员修改；如需修改，请联系审核撤回。");
        }

        if (submit && live)
        {
            return EditorialResult.Invalid("已发布或定时发布的文章不能再提交审核。");
        }

        var errors = await ValidateAsync(fields, allowed, cancellationToken);
        if (errors.Count > 0)
        {
            return EditorialResult.Invalid(errors);
        }

        var before = ArticleSnapshot.Of(article);
        Apply(article, fields);

        // The form shows minutes only: a posted date equal to the stored one at minute precision
        // is the same date, not a change (which would be audited as a publish-date change).
        article.PublishedAt = fields.PublishedAt is { } posted && ToMinute(posted) != ToMinute(before.PublishedAt)
            ? posted
            : before.PublishedAt;
        if (article.PublishedAt != before.PublishedAt)
        {
            // A date typed in the form has its time of day (an imported date-only one had none).
            article.HasPublishTime = true;
        }
        var key = Key(article);
        var changed = RevisionDiff.ChangedFieldNames(before, ArticleSnapshot.Of(article));

        // Only a save that changes something makes its author the writer of the current revision
        // (who may then not approve it); an empty save must not move that responsibility.
        if (changed.Count > 0)
        {
            article.LastEditorId = actor.UserId;
        }

        audit.Add(AuditActions.ArticleEdit, "article", key, changed.Count == 0 ? "无内容变化" : "修改：" + string.Join("、", changed));
        if (live && article.PublishedAt != before.PublishedAt)
        {
            audit.Add(AuditActions.ArticlePublishDateChange, "article", key, $"发布日期：{Utc(before.PublishedAt)} → {Utc(article.PublishedAt)}");
        }

        if (submit)
        {
            article.Status = ArticleStatus.Submitted;
            audit.Add(AuditActions.ArticleSubmit, "article", key, article.Title);
        }
        else if (article.Status == ArticleStatus.Scheduled && changed.Count > 0)
        {
            // A scheduled article was approved as it was: a changed one needs a new approval, by
            // someone other than the person who changed it, before the scheduler may publish it.
            article.Status = ArticleStatus.Submitted;
            audit.Add(AuditActions.ArticleSubmit, "article", key, "定时发布的文章被修改，已退回待审");
        }

        return await CommitAsync(article, actor.UserId, submit ? "提交审核" : "保存", submit ? "已保存并提交审核。" : "已保存。", cancellationToken);
    }

    /// <summary>草稿, 已退回 or 已撤回 → 待审.</summary>
    public Task<EditorialResult> SubmitAsync(EditorialActor actor, int id, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, async article =>
        {
            if (!MaySection(await AllowedSectionsAsync(actor, cancellationToken), article.SectionId))
            {
                return EditorialResult.Forbidden("您没有编辑该栏目文章的权限。");
            }

            if (article.Status is not (ArticleStatus.Draft or ArticleStatus.Returned or ArticleStatus.Withdrawn))
            {
                return WrongState(article);
            }

            article.Status = ArticleStatus.Submitted;
            audit.Add(AuditActions.ArticleSubmit, "article", Key(article), article.Title);
            return await CommitAsync(article, actor.UserId, "提交审核", "已提交审核。", cancellationToken);
        }, cancellationToken);

    /// <summary>待审 → 已退回, with the reviewer's comment (required).</summary>
    public Task<EditorialResult> ReturnAsync(EditorialActor actor, int id, int expectedVersion, string? comment, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, async article =>
        {
            if (!actor.CanReview)
            {
                return EditorialResult.Forbidden("只有审核或管理员可以退回稿件。");
            }

            comment = comment?.Trim();
            if (string.IsNullOrEmpty(comment) || comment.Length > FieldLengths.Comment)
            {
                return EditorialResult.Invalid($"请填写退回意见（不超过 {FieldLengths.Comment} 字）。");
            }

            if (article.Status != ArticleStatus.Submitted)
            {
                return WrongState(article);
            }

            article.Status = ArticleStatus.Returned;
            article.ReviewComment = comment;
            audit.Add(AuditActions.ArticleReturn, "article", Key(article), comment);
            return await CommitAsync(article, actor.UserId, "退回", "已退回。", cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Approves a submitted article: published now when <paramref name="publishAt"/> is null or has
    /// come (its publish date becomes now), scheduled when it lies in the future. The person who
    /// wrote the current revision may not approve it (三审 separation of duties).
    /// </summary>
    public Task<EditorialResult> ApproveAsync(EditorialActor actor, int id, int expectedVersion, DateTime? publishAt, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, async article =>
        {
            if (!actor.CanReview)
            {
                return EditorialResult.Forbidden("只有审核或管理员可以发布。");
            }

            if (article.LastEditorId == actor.UserId)
            {
                return EditorialResult.Forbidden("当前版本由您本人修改，不能由您审核发布（三审分离）。请由其他审核人员审核，或由管理员填写理由后强制发布。");
            }

            if (article.Status != ArticleStatus.Submitted)
            {
                return WrongState(article);
            }

            article.ReviewComment = null;
            audit.Add(AuditActions.ArticleApprove, "article", Key(article), article.Title);
            return await PublishOrScheduleAsync(actor, article, publishAt, null, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// An administrator publishes (or schedules) whatever the status and whoever wrote it, with a
    /// reason that the audit log keeps (<see cref="AuditActions.ArticleForcePublish"/>).
    /// </summary>
    public Task<EditorialResult> ForcePublishAsync(EditorialActor actor, int id, int expectedVersion, string? reason, DateTime? publishAt, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, async article =>
        {
            if (!actor.IsAdmin)
            {
                return EditorialResult.Forbidden("只有管理员可以强制发布。");
            }

            reason = reason?.Trim();
            if (string.IsNullOrEmpty(reason) || reason.Length > FieldLengths.Comment)
            {
                return EditorialResult.Invalid($"强制发布必须填写理由（不超过 {FieldLengths.Comment} 字）。");
            }

            if (article.Status == ArticleStatus.Published)
            {
                return WrongState(article);
            }

            article.ReviewComment = null;
            return await PublishOrScheduleAsync(actor, article, publishAt, reason, cancellationToken);
        }, cancellationToken);

    /// <summary>已发布 or 定时发布 → 已撤回: readers no longer see it.</summary>
    public Task<EditorialResult> WithdrawAsync(EditorialActor actor, int id, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, async article =>
        {
            if (!actor.CanReview)
            {
                return EditorialResult.Forbidden("只有审核或管理员可以撤回。");
            }

            if (article.Status is not (ArticleStatus.Published or ArticleStatus.Scheduled))
            {
                return WrongState(article);
            }

            article.Status = ArticleStatus.Withdrawn;
            audit.Add(AuditActions.ArticleWithdraw, "article", Key(article), article.Title);
            return await CommitAsync(article, actor.UserId, "撤回", "已撤回。", cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Moves an article to the recycle bin (回收站). Editors may delete only what is not on the site
    /// (or scheduled for it) in their sections; reviewers and admins may delete anything.
    /// </summary>
    public Task<EditorialResult> DeleteAsync(EditorialActor actor, int id, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, async article =>
        {
            if (!MaySection(await AllowedSectionsAsync(actor, cancellationToken), article.SectionId))
            {
                return EditorialResult.Forbidden("您没有编辑该栏目文章的权限。");
            }

            if (!actor.CanReview && article.Status is ArticleStatus.Published or ArticleStatus.Scheduled)
            {
                return EditorialResult.Forbidden("已发布或定时发布的文章只能由审核或管理员删除。");
            }

            article.DeletedAt = Now;
            audit.Add(AuditActions.ArticleDelete, "article", Key(article), article.Title);

            // Its preview links die with it, for good: restoring the article does not revive them.
            await PreviewLinkService.RevokeAllAsync(db, article.Id, Now, "移入回收站", cancellationToken);
            return await CommitAsync(article, actor.UserId, "移入回收站", "已移入回收站。", cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// An administrator takes an article out of the recycle bin. One that was published or
    /// scheduled comes back as 已撤回, so nothing reappears on the site without a new approval.
    /// </summary>
    public async Task<EditorialResult> RestoreAsync(EditorialActor actor, int id, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            return EditorialResult.Forbidden("只有管理员可以从回收站恢复。");
        }

        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.DeletedAt != null, cancellationToken);
        if (article is null)
        {
            return EditorialResult.NotFound();
        }

        article.DeletedAt = null;
        if (article.Status is ArticleStatus.Published or ArticleStatus.Scheduled)
        {
            article.Status = ArticleStatus.Withdrawn;
        }

        audit.Add(AuditActions.ArticleRestore, "article", Key(article), article.Title);
        return await CommitAsync(article, actor.UserId, "从回收站恢复", "已从回收站恢复。", cancellationToken);
    }

    /// <summary>
    /// Copies the fields of revision <paramref name="number"/> into the article as a new draft
    /// (a new revision; the old ones stay). A live article must be withdrawn first: the model has
    /// one working copy, and restoring into it would change what readers see without review.
    /// </summary>
    public Task<EditorialResult> RestoreRevisionAsync(EditorialActor actor, int id, int number, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, expectedVersion, async article =>
        {
            var revision = await db.ArticleRevisions.AsNoTracking()
                .FirstOrDefaultAsync(r => r.ArticleId == id && r.Number == number, cancellationToken);
            if (revision is null)
            {
                return EditorialResult.NotFound();
            }

            var allowed = await AllowedSectionsAsync(actor, cancellationToken);
            if (!MaySection(allowed, article.SectionId) || !MaySection(allowed, revision.SectionId))
            {
                return EditorialResult.Forbidden("您没有编辑该栏目文章的权限。");
            }

            if (article.Status is ArticleStatus.Published or ArticleStatus.Scheduled)
            {
                return EditorialResult.Invalid("已发布或定时发布的文章请先撤回，再恢复历史版本。");
            }

            Apply(article, new ArticleFields
            {
                Title = revision.Title,
                SectionId = revision.SectionId,
                Source = revision.Source,
                Summary = revision.Summary,
                Keywords = revision.Keywords,
                CoverImageId = revision.CoverImageId,
                BodyMarkdown = revision.BodyMarkdown,
            });
            article.PublishedAt = revision.PublishedAt;
            article.Status = ArticleStatus.Draft;
            article.LastEditorId = actor.UserId;
            var note = $"恢复自第{number}版";
            audit.Add(AuditActions.ArticleRevisionRestore, "article", Key(article), note);
            return await CommitAsync(article, actor.UserId, note, $"已将第{number}版恢复为新草稿。", cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Checks fields the way the forms do (in Chinese, keyed by <see cref="ArticleFields"/> property
    /// names), plus what only the store knows: the section exists and the actor may write in it,
    /// the cover image exists, and every image in the body has alt text.
    /// </summary>
    private async Task<Dictionary<string, string>> ValidateAsync(ArticleFields fields, IReadOnlyCollection<int>? allowed, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var title = fields.Title.Trim();
        if (title.Length == 0)
        {
            errors[nameof(ArticleFields.Title)] = "请填写标题。";
        }
        else if (title.Length > FieldLengths.Title)
        {
            errors[nameof(ArticleFields.Title)] = $"标题不能超过 {FieldLengths.Title} 个字。";
        }

        var source = fields.Source.Trim();
        if (source.Length == 0)
        {
            errors[nameof(ArticleFields.Source)] = "请填写来源。";
        }
        else if (source.Length > FieldLengths.Source)
        {
            errors[nameof(ArticleFields.Source)] = $"来源不能超过 {FieldLengths.Source} 个字。";
        }

        if ((fields.Summary?.Trim().Length ?? 0) > FieldLengths.Summary)
        {
            errors[nameof(ArticleFields.Summary)] = $"摘要不能超过 {FieldLengths.Summary} 个字。";
        }

        if ((fields.Keywords?.Trim().Length ?? 0) > FieldLengths.Keywords)
        {
            errors[nameof(ArticleFields.Keywords)] = $"关键词不能超过 {FieldLengths.Keywords} 个字。";
        }

        if (string.IsNullOrWhiteSpace(fields.BodyMarkdown))
        {
            errors[nameof(ArticleFields.BodyMarkdown)] = "请填写正文。";
        }
        else
        {
            try
            {
                if (MarkdownRenderer.HasImageWithoutAlt(fields.BodyMarkdown))
                {
                    errors[nameof(ArticleFields.BodyMarkdown)] = "正文中的每张图片都必须填写替代文字，例如 ![图片说明](地址)。";
                }
                else if (mediaRules is not null && await mediaRules.CheckBodyAsync(fields.BodyMarkdown, cancellationToken) is { } problem)
                {
                    errors[nameof(ArticleFields.BodyMarkdown)] = problem;
                }
            }
            catch (MarkdownTooDeepException ex)
            {
                errors[nameof(ArticleFields.BodyMarkdown)] = BodyTooDeepMessage(ex);
            }
        }

        if (!await db.Sections.AnyAsync(s => s.Id == fields.SectionId, cancellationToken))
        {
            errors[nameof(ArticleFields.SectionId)] = "请选择栏目。";
        }
        else if (!MaySection(allowed, fields.SectionId))
        {
            errors[nameof(ArticleFields.SectionId)] = "您没有在该栏目发稿的权限。";
        }

        if (fields.CoverImageId is { } cover && !await db.MediaFiles.AnyAsync(m => m.Id == cover, cancellationToken))
        {
            errors[nameof(ArticleFields.CoverImageId)] = "所选封面图片不存在。";
        }
        else if (mediaRules is not null && await mediaRules.CheckCoverAsync(fields.CoverImageId, cancellationToken) is { } coverProblem)
        {
            errors[nameof(ArticleFields.CoverImageId)] = coverProblem;
        }

        return errors;
    }

    /// <summary>
    /// The sections <paramref name="actor"/> is limited to (empty: all), or null for an admin. Read
    /// once per command, which may check several sections against it.
    /// </summary>
    private async Task<IReadOnlyCollection<int>?> AllowedSectionsAsync(EditorialActor actor, CancellationToken cancellationToken) =>
        actor.IsAdmin ? null : await UserQueries.SectionIdsOf(db, actor.UserId).ToListAsync(cancellationToken);

    /// <summary>Whether an editor limited to <paramref name="allowed"/> sections may write in <paramref name="sectionId"/>. No rows: all sections. Admins (null): always.</summary>
    private static bool MaySection(IReadOnlyCollection<int>? allowed, int sectionId) => EditorialActor.MayWorkIn(allowed, sectionId);

    private async Task<EditorialResult> PublishOrScheduleAsync(EditorialActor actor, Article article, DateTime? publishAt, string? forceReason, CancellationToken cancellationToken)
    {
        var now = Now;
        var key = Key(article);
        var schedule = publishAt is { } at && at > now;
        var previousDate = article.PublishedAt;

        // Publishing now dates the article now: a past date chosen in a draft would otherwise put a
        // new article on the site as if it had appeared earlier (a forged date, for inspectors).
        article.PublishedAt = schedule ? publishAt!.Value : now;
        article.HasPublishTime = true;
        article.Status = schedule ? ArticleStatus.Scheduled : ArticleStatus.Published;
        var when = schedule ? $"定时 {Utc(article.PublishedAt)}" : $"发布时间 {Utc(article.PublishedAt)}";
        if (forceReason is not null)
        {
            audit.Add(AuditActions.ArticleForcePublish, "article", key, $"理由：{forceReason}；{when}");
        }
        else
        {
            audit.Add(schedule ? AuditActions.ArticleSchedule : AuditActions.ArticlePublish, "article", key, when);
        }

        var note = (forceReason is not null ? "强制" : "") + (schedule ? "定时发布" : "发布");
        if (previousDate != article.PublishedAt)
        {
            note += "（发布日期已更新）";
        }

        return await CommitAsync(article, actor.UserId, note, schedule ? "已定时发布。" : "已发布。", cancellationToken);
    }

    private async Task<EditorialResult> ChangeAsync(int id, int expectedVersion, Func<Article, Task<EditorialResult>> change, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, cancellationToken);
        if (article is null)
        {
            return EditorialResult.NotFound();
        }

        if (article.Version != expectedVersion)
        {
            return EditorialResult.Conflict(id);
        }

        return await change(article);
    }

    private async Task<EditorialResult> CommitAsync(Article article, string userId, string note, string message, CancellationToken cancellationToken)
    {
        await AddRevisionAsync(article, userId, note, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save won the race between our read and our write (the version token, or the
            // revision number it implies, no longer matches): nothing of ours was stored.
            if (!await ChangedSinceAsync(article, cancellationToken))
            {
                throw;
            }

            db.ChangeTracker.Clear();
            return EditorialResult.Conflict(article.Id);
        }

        return EditorialResult.Ok(article.Id, message);
    }

    private async Task<bool> ChangedSinceAsync(Article article, CancellationToken cancellationToken)
    {
        var loaded = (int)db.Entry(article).Property(a => a.Version).OriginalValue;
        var current = await db.Articles.AsNoTracking().Where(a => a.Id == article.Id).Select(a => (int?)a.Version).FirstOrDefaultAsync(cancellationToken);
        return current != loaded;
    }

    /// <summary>
    /// Increments the version and adds the revision of this save, numbered like the new version
    /// (every writer of revisions numbers them so, which keeps the numbers unique). The body is
    /// rendered again only when its Markdown changed: a status change leaves it as it was.
    /// </summary>
    private async Task AddRevisionAsync(Article article, string userId, string note, CancellationToken cancellationToken)
    {
        var now = Now;
        article.Version++;
        article.UpdatedAt = now;
        var entry = db.Entry(article);
        if (entry.State == EntityState.Added || !string.Equals(entry.Property(a => a.BodyMarkdown).OriginalValue, article.BodyMarkdown, StringComparison.Ordinal))
        {
            // Library images get their size and small copy (srcset) from their media rows.
            var images = mediaRules is null ? null : await mediaRules.ImagesAsync(article.BodyMarkdown, cancellationToken);
            article.BodyHtml = renderer.Render(article.BodyMarkdown, images);
        }

        var author = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => u.DisplayName == "" ? u.UserName : u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        article.Revisions.Add(ArticleRevision.Of(article, userId, author ?? userId, now, note));
    }

    private static void Apply(Article article, ArticleFields fields)
    {
        article.Title = fields.Title.Trim();
        article.SectionId = fields.SectionId;
        article.Source = fields.Source.Trim();
        article.Summary = Blank(fields.Summary);
        article.Keywords = Blank(fields.Keywords);
        article.CoverImageId = fields.CoverImageId;
        article.BodyMarkdown = fields.BodyMarkdown;
    }

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

    private static EditorialResult WrongState(Article article) =>
        EditorialResult.Invalid($"文章当前状态为“{article.Status.DisplayName()}”，不能进行此操作。");

    private static string Key(Article article) => article.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the editor is told, on saving and on previewing alike, when the body nests too deeply to be rendered.</summary>
    public static string BodyTooDeepMessage(MarkdownTooDeepException ex) =>
        string.Create(CultureInfo.InvariantCulture, $"正文嵌套层次过深（第 {ex.Line} 行），请减少引用或列表的嵌套。");

    /// <summary>Audit dates in UTC with the zone named, so an inspector reads them unambiguously.</summary>
    public static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static DateTime ToMinute(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMinute), value.Kind);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
