using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Core.Media;
using Portal.Core.Preview;
using Portal.Core.Site;
using Portal.Web.Areas.Admin.Models;
using Portal.Web.Hosting;
using Portal.Web.TagHelpers;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// 文章: the editorial workflow's pages. Thin: every rule (roles, sections, review levels,
/// separation of duties, versions) is <see cref="ArticleWorkflow"/>'s, enforced by
/// <see cref="EditorialService"/> and read by the edit page for its buttons; the policies here are
/// the first gate.
/// </summary>
public sealed class ArticlesController(
    EditorialService editorial,
    EditorialContext context,
    ArticleFeatures features,
    EditorialQueries queries,
    MediaQueries media,
    PreviewLinkService previewLinks,
    SiteClock clock,
    TimeProvider time,
    UserManager<PortalUser> users) : AdminController
{
    /// <summary>
    /// The 预览 button's value. It posts to <c>/admin/articles/preview</c> (its <c>formaction</c>);
    /// should a page from before that change post it here, nothing is saved by mistake.
    /// </summary>
    private const string PreviewCommand = "preview";

    private const string PreviewMovedMessage = "内容没有保存：预览现在在新标签页中打开，请刷新本页后重新点击“预览”。";

    private EditorialActor Actor => new(users.GetUserId(User)!, User.CanReview(), User.IsAdministrator());

    /// <summary>
    /// The list: filters, search (title, body, source, keywords), order and the bulk actions, all
    /// in the address. An account limited to some sections sees only theirs (docs/decisions/0006).
    /// </summary>
    [HttpGet("/admin/articles")]
    public async Task<IActionResult> Index(string? status, int? sectionId, string? authorId, string? q, string? sort, string? dir, int page = 1, CancellationToken cancellationToken = default)
    {
        var actor = Actor;
        var (statusFilter, pendingChange) = ArticleListViewModel.ParseStatus(status);
        var order = ArticleSort.Parse(sort, dir);
        var limits = (await context.LimitsOfAsync(actor, cancellationToken)).Sections;
        var sections = await queries.SectionChoicesAsync(limits, cancellationToken);
        return View(new ArticleListViewModel
        {
            Page = await queries.ListAsync(new ArticleFilter(statusFilter, sectionId, authorId, q, pendingChange), order, limits, Math.Max(page, 1), cancellationToken),
            Status = statusFilter,
            PendingChange = pendingChange,
            SectionId = sectionId,
            AuthorId = authorId,
            Search = q,
            Sort = order,
            Sections = sections,
            Authors = await queries.AuthorChoicesAsync(limits, cancellationToken),
            LimitedTo = limits is null ? [] : sections.Select(s => s.Text.Trim()).ToList(),
            BulkCommands = ArticleBulkService.CommandsFor(actor),
        });
    }

    /// <summary>The empty form; <paramref name="sectionId"/> preselects a section (a 单页 section's 编辑页面内容 link).</summary>
    [HttpGet("/admin/articles/create"), AllowInlineStyleAttributes]
    public async Task<IActionResult> Create(int? sectionId, CancellationToken cancellationToken) =>
        View("Edit", await EditModelAsync(null, new ArticleInputModel { SectionId = sectionId }, cancellationToken));

    [HttpPost("/admin/articles/create"), AllowInlineStyleAttributes]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] ArticleInputModel input, string? command, CancellationToken cancellationToken)
    {
        if (command == PreviewCommand)
        {
            return View("Edit", await EditModelAsync(null, input, cancellationToken, error: PreviewMovedMessage));
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", await EditModelAsync(null, input, cancellationToken));
        }

        var result = await editorial.CreateAsync(Actor, ToFields(input), command == "submit", cancellationToken);
        return await AfterFormAsync(result, null, input, cancellationToken);
    }

    [HttpGet("/admin/articles/edit/{id:int}"), AllowInlineStyleAttributes]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var (article, state) = await LoadAsync(id, cancellationToken);
        if (article is null || state is null)
        {
            return NotFound();
        }

        if (state.Check(ArticleCommand.View) is { Allowed: false } refusal)
        {
            return Refused(refusal.Reason!);
        }

        // A live article's form edits its 待审修改 when it has one.
        var f = state.Pending ?? article.Fields;
        var dated = article.PublishedAtChosen || article.LiveRevision is not null || article.Status is ArticleStatus.Published or ArticleStatus.Scheduled or ArticleStatus.Withdrawn;
        var input = new ArticleInputModel
        {
            Title = f.Title,
            SectionId = f.SectionId,
            Source = f.Source,
            PublishedAt = dated ? clock.ToLocal(f.PublishedAt) : null,
            Summary = f.Summary,
            Keywords = f.Keywords,
            CoverImageId = f.CoverImageId,
            BodyMarkdown = f.BodyMarkdown,
            Version = article.Version,
        };
        return View(await EditModelAsync(article, input, cancellationToken, state: state));
    }

    [HttpPost("/admin/articles/edit/{id:int}"), AllowInlineStyleAttributes]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] ArticleInputModel input, string? command, CancellationToken cancellationToken)
    {
        var (article, state) = await LoadAsync(id, cancellationToken);
        if (article is null || state is null)
        {
            return NotFound();
        }

        // The form is shown again below (a refused or invalid save): only to whom may see the article.
        if (state.Check(ArticleCommand.View) is { Allowed: false } refusal)
        {
            return Refused(refusal.Reason!);
        }

        if (command == PreviewCommand)
        {
            return View(await EditModelAsync(article, input, cancellationToken, error: PreviewMovedMessage, state: state));
        }

        if (!ModelState.IsValid)
        {
            return View(await EditModelAsync(article, input, cancellationToken));
        }

        var result = await editorial.SaveAsync(Actor, id, input.Version, ToFields(input), command == "submit", cancellationToken);
        return await AfterFormAsync(result, article, input, cancellationToken);
    }

    [HttpPost("/admin/articles/submit/{id:int}")]
    public async Task<IActionResult> Submit(int id, int version, CancellationToken cancellationToken) =>
        BackToArticle(await editorial.SubmitAsync(Actor, id, version, cancellationToken), id);

    [HttpPost("/admin/articles/return/{id:int}"), Authorize(Policy = PortalPolicies.Review)]
    public async Task<IActionResult> Return(int id, int version, string? comment, CancellationToken cancellationToken) =>
        BackToArticle(await editorial.ReturnAsync(Actor, id, version, comment, cancellationToken), id);

    [HttpPost("/admin/articles/publish/{id:int}"), Authorize(Policy = PortalPolicies.Review)]
    public async Task<IActionResult> Publish(int id, int version, CancellationToken cancellationToken) =>
        BackToArticle(await editorial.ApproveAsync(Actor, id, version, null, cancellationToken), id);

    [HttpPost("/admin/articles/schedule/{id:int}"), Authorize(Policy = PortalPolicies.Review)]
    public async Task<IActionResult> Schedule(int id, int version, DateTime? publishAt, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BackToArticle(CommandResult.Invalid(FirstError("定时发布的时间")), id);
        }

        if (publishAt is null)
        {
            return BackToArticle(CommandResult.Invalid("请选择定时发布的时间。"), id);
        }

        if (!SiteDateRangeAttribute.Contains(publishAt.Value))
        {
            return BackToArticle(CommandResult.Invalid(SiteDateRangeAttribute.OutOfRangeMessage("定时发布的时间")), id);
        }

        return BackToArticle(await editorial.ApproveAsync(Actor, id, version, clock.FromLocal(publishAt.Value), cancellationToken), id);
    }

    [HttpPost("/admin/articles/withdraw/{id:int}"), Authorize(Policy = PortalPolicies.Review)]
    public async Task<IActionResult> Withdraw(int id, int version, CancellationToken cancellationToken) =>
        BackToArticle(await editorial.WithdrawAsync(Actor, id, version, cancellationToken), id);

    [HttpPost("/admin/articles/forcepublish/{id:int}"), Authorize(Policy = PortalPolicies.Administer)]
    public async Task<IActionResult> ForcePublish(int id, int version, string? reason, DateTime? publishAt, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BackToArticle(CommandResult.Invalid(FirstError("定时发布的时间")), id);
        }

        if (publishAt is { } local && !SiteDateRangeAttribute.Contains(local))
        {
            return BackToArticle(CommandResult.Invalid(SiteDateRangeAttribute.OutOfRangeMessage("定时发布的时间")), id);
        }

        return BackToArticle(await editorial.ForcePublishAsync(Actor, id, version, reason, publishAt is null ? null : clock.FromLocal(publishAt.Value), cancellationToken), id);
    }

    [HttpPost("/admin/articles/discardcorrection/{id:int}")]
    public async Task<IActionResult> DiscardCorrection(int id, int version, CancellationToken cancellationToken) =>
        BackToArticle(await editorial.DiscardCorrectionAsync(Actor, id, version, cancellationToken), id);

    [HttpPost("/admin/articles/delete/{id:int}")]
    public async Task<IActionResult> Delete(int id, int version, CancellationToken cancellationToken)
    {
        var result = await editorial.DeleteAsync(Actor, id, version, cancellationToken);
        if (!result.Succeeded)
        {
            return BackToArticle(result, id);
        }

        Flash(result.Message!);
        return LocalRedirect("/admin/articles");
    }

    [HttpPost("/admin/articles/restore/{id:int}"), Authorize(Policy = PortalPolicies.Administer)]
    public async Task<IActionResult> Restore(int id, CancellationToken cancellationToken) =>
        BackToArticle(await editorial.RestoreAsync(Actor, id, cancellationToken), id);

    [HttpGet("/admin/articles/history/{id:int}")]
    public async Task<IActionResult> History(int id, CancellationToken cancellationToken)
    {
        var (article, state) = await LoadAsync(id, cancellationToken);
        if (article is null || state is null)
        {
            return NotFound();
        }

        if (state.Check(ArticleCommand.View) is { Allowed: false } refusal)
        {
            return Refused(refusal.Reason!);
        }

        return View(new ArticleHistoryViewModel
        {
            Id = id,
            Title = article.Fields.Title,
            Status = article.Status,
            Version = article.Version,
            Revisions = await queries.HistoryAsync(id, cancellationToken),
            LiveRevision = article.LiveRevision,
            PendingRevision = article.PendingRevision,
            MayRestore = state.Allows(ArticleCommand.RestoreRevision),
            RestoresAsCorrection = article.Status == ArticleStatus.Published,
        });
    }

    [HttpGet("/admin/articles/compare/{id:int}")]
    public async Task<IActionResult> Compare(int id, int from, int to, CancellationToken cancellationToken)
    {
        var (article, state) = await LoadAsync(id, cancellationToken);
        var old = await queries.RevisionAsync(id, from, cancellationToken);
        var current = await queries.RevisionAsync(id, to, cancellationToken);
        if (article is null || state is null || old is null || current is null)
        {
            return NotFound();
        }

        if (state.Check(ArticleCommand.View) is { Allowed: false } refusal)
        {
            return Refused(refusal.Reason!);
        }

        var comparison = await queries.CompareAsync(old, current, FormatLocal, cancellationToken);
        return View(new ArticleCompareViewModel
        {
            Id = id,
            Title = article.Fields.Title,
            From = from,
            To = to,
            FieldChanges = comparison.FieldChanges,
            BodyDiff = comparison.BodyDiff,
        });
    }

    [HttpPost("/admin/articles/restorerevision/{id:int}")]
    public async Task<IActionResult> RestoreRevision(int id, int number, int version, CancellationToken cancellationToken) =>
        BackToArticle(await editorial.RestoreRevisionAsync(Actor, id, number, version, cancellationToken), id);

    private ArticleFields ToFields(ArticleInputModel input) => new()
    {
        Title = input.Title ?? "",
        SectionId = input.SectionId ?? 0,
        Source = input.Source ?? "",
        PublishedAt = input.PublishedAt is { } local ? clock.FromLocal(local) : null,
        Summary = input.Summary,
        Keywords = input.Keywords,
        CoverImageId = input.CoverImageId,
        BodyMarkdown = input.BodyMarkdown ?? "",
    };

    private async Task<IActionResult> AfterFormAsync(CommandResult result, ArticleEditData? article, ArticleInputModel input, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case CommandOutcome.Ok:
                Flash(result.Message!);
                return LocalRedirect($"/admin/articles/edit/{result.Id}");
            case CommandOutcome.NotFound:
                return NotFound();
            case CommandOutcome.Forbidden:
                return Refused(result.Message!);
            case CommandOutcome.Conflict:
                return View("Edit", await ConflictModelAsync(result.Id!.Value, input, cancellationToken));
            default:
                ShowErrors(result);
                return View("Edit", await EditModelAsync(article, input, cancellationToken));
        }
    }

    /// <summary>The article and what the workflow says of it and the signed-in user; both null when there is no such article.</summary>
    private async Task<(ArticleEditData? Article, EditorialState? State)> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var article = await queries.GetAsync(id, cancellationToken);
        return article is null ? (null, null) : (article, await context.StateOfAsync(Actor, id, cancellationToken));
    }

    /// <summary>The first model-binding or validation error of the request (a workflow button's own field), else a generic one.</summary>
    private string FirstError(string field) =>
        ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0) ?? $"{field}无效。";

    /// <summary>
    /// The conflict page: the editor's own input kept in the form (now carrying the current version,
    /// so saving again is a deliberate choice), above what the others changed since the version the
    /// editor started from.
    /// </summary>
    private async Task<ArticleEditViewModel> ConflictModelAsync(int id, ArticleInputModel input, CancellationToken cancellationToken)
    {
        var current = await queries.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return await EditModelAsync(null, input, cancellationToken, error: "这篇文章已被他人删除。");
        }

        // What the form edits now: the 待审修改 of a live article, else its fields.
        var state = await context.StateOfAsync(Actor, id, cancellationToken);
        var now = state?.Pending ?? current.Fields;
        var startedFrom = await queries.StateAtVersionAsync(id, input.Version, cancellationToken) ?? now;
        var comparison = await queries.CompareAsync(startedFrom, now, FormatLocal, cancellationToken);
        var conflict = new ArticleConflictViewModel
        {
            StartedFrom = input.Version,
            Current = current.Version,
            OtherSaves = await queries.RevisionsAfterAsync(id, input.Version, cancellationToken),
            FieldChanges = comparison.FieldChanges,
            BodyDiff = comparison.BodyDiff,
        };
        input.Version = current.Version;
        ModelState.Remove("Input.Version");
        return await EditModelAsync(current, input, cancellationToken, conflict: conflict, state: state);
    }

    private async Task<ArticleEditViewModel> EditModelAsync(ArticleEditData? article, ArticleInputModel input, CancellationToken cancellationToken, string? error = null, ArticleConflictViewModel? conflict = null, EditorialState? state = null)
    {
        var actor = Actor;
        var limits = await context.LimitsOfAsync(actor, cancellationToken);
        state ??= article is null ? null : await context.StateOfAsync(actor, article.Id, cancellationToken);
        var mayLink = article is not null && state!.Allows(ArticleCommand.ManagePreviewLinks);
        return new ArticleEditViewModel
        {
            Id = article?.Id,
            UrlKey = article?.UrlKey,
            Status = article?.Status,
            Article = article,
            Workflow = state,
            Approvals = article is null ? [] : await context.CurrentApprovalsAsync(article.Id, article.ReviewRound, cancellationToken),
            Input = input,
            Sections = await queries.SectionChoicesAsync(limits.Sections, cancellationToken),
            SectionLimitNames = limits.Names,
            Images = await media.ChoicesAsync(input.CoverImageId, cancellationToken),
            ReviewComment = article?.ReviewComment,
            Conflict = conflict,
            Error = error ?? TempData[ArticleErrorKey] as string,
            PreviewLinks = mayLink ? await previewLinks.ListAsync(article!.Id, cancellationToken) : [],
            PreviewLinkDefaultHours = previewLinks.DefaultLifetimeHours,
            PreviewLinkMaxHours = previewLinks.MaxLifetimeHours,
            CreatedPreviewLinkUrl = mayLink ? TempData[ArticlePreviewController.CreatedLinkKey] as string : null,
            Now = time.GetUtcNow().UtcDateTime,
            LocalNow = clock.ToLocal(time.GetUtcNow().UtcDateTime),
            Feature = article is not null && state!.Allows(ArticleCommand.Feature) ? FeatureModel(article) : null,
        };
    }

    private ArticleFeatureViewModel FeatureModel(ArticleEditData article)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var through = article.PinnedUntil is { } until ? features.PinnedThroughOf(until) : (DateOnly?)null;
        var live = article.PinnedUntil > now;
        return new ArticleFeatureViewModel
        {
            PinnedThrough = live ? through : null,
            PinExpiredOn = live ? null : through,
            IsHeadline = article.IsHeadline,
            IsPictureNews = article.IsPictureNews,
            PictureNewsHint = ArticleFeatures.PictureNewsRefusal(article.Fields.CoverImageId, article.CoverAltText),
            Today = DateOnly.FromDateTime(clock.ToLocal(now)),
        };
    }

    private string FormatLocal(DateTime utc) => SiteDateTagHelper.Format(clock, utc);
}
