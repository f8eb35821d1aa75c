using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Articles;

/// <summary>The sections an account is limited to (<see cref="SectionLimits"/>: null for all) and their names for messages.</summary>
public sealed record ActorSections(IReadOnlyCollection<int>? Sections, string Names)
{
    public bool Allows(int sectionId) => EditorialActor.MayWorkIn(Sections, sectionId);
}

/// <summary>Everything <see cref="ArticleWorkflow.Check"/> needs about one article and one actor, with what the commands need next.</summary>
/// <param name="Article">The article as the workflow sees it.</param>
/// <param name="Actor">The actor as the workflow sees them.</param>
/// <param name="Limits">The actor's section limits.</param>
/// <param name="Pending">The content of the article's 待审修改, if it has one.</param>
public sealed record EditorialState(WorkflowArticle Article, WorkflowActor Actor, ActorSections Limits, ArticleSnapshot? Pending)
{
    public WorkflowDecision Check(ArticleCommand command) => ArticleWorkflow.Check(command, Article, Actor);

    public bool Allows(ArticleCommand command) => Check(command).Allowed;
}

/// <summary>
/// Reads the facts of the workflow's table from the store: the section's review levels, the
/// approvals of the current round, the actor's section limits, the pending correction. The edit
/// page and <see cref="EditorialService"/> both read them here, so the buttons shown and the
/// rules enforced come from the same facts.
/// </summary>
public sealed class EditorialContext(PortalDbContext db)
{
    /// <summary>The sections <paramref name="actor"/> may work in (null: all) and their names.</summary>
    public async Task<ActorSections> LimitsOfAsync(EditorialActor actor, CancellationToken cancellationToken = default)
    {
        if (await SectionLimits.OfAsync(db, actor, cancellationToken) is not { } ids)
        {
            return new ActorSections(null, "");
        }

        var names = await db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => s.Name).ToListAsync(cancellationToken);
        return new ActorSections(ids, string.Join("、", names));
    }

    /// <summary>
    /// The workflow's view of <paramref name="article"/> and <paramref name="actor"/>. A correction
    /// that moves the article counts in both sections: the actor must work in both, and the
    /// stricter section's review levels apply.
    /// </summary>
    public async Task<EditorialState> StateOfAsync(EditorialActor actor, Article article, CancellationToken cancellationToken = default)
    {
        var limits = await LimitsOfAsync(actor, cancellationToken);
        var pending = article.PendingRevision is { } number ? await RevisionAsync(article.Id, number, cancellationToken) : null;
        int[] sections = pending is null || pending.SectionId == article.SectionId ? [article.SectionId] : [article.SectionId, pending.SectionId];
        var levels = await db.Sections.AsNoTracking().Where(s => sections.Contains(s.Id)).Select(s => (int?)s.ReviewLevels).MaxAsync(cancellationToken) ?? 1;
        var state = WorkflowArticle.StateOf(article);
        var inReview = state is WorkflowState.Submitted or WorkflowState.CorrectionSubmitted;
        var approvedThisRound = inReview && await db.ArticleApprovals.AsNoTracking()
            .AnyAsync(a => a.ArticleId == article.Id && a.Round == article.ReviewRound && a.ReviewerId == actor.UserId, cancellationToken);
        var wrote = article.LastEditorId == actor.UserId || (inReview && actor.CanReview && await WroteSinceLiveAsync(article, actor.UserId, cancellationToken));
        return new EditorialState(
            new WorkflowArticle(state, levels, article.ReviewStage),
            new WorkflowActor(actor.CanReview, actor.IsAdmin, sections.All(limits.Allows), wrote, approvedThisRound, limits.Names),
            limits,
            pending);
    }

    /// <summary>The state for the article <paramref name="id"/> (in the bin or not), or null.</summary>
    public async Task<EditorialState?> StateOfAsync(EditorialActor actor, int id, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return article is null ? null : await StateOfAsync(actor, article, cancellationToken);
    }

    /// <summary>The approvals of the article's current review round, lowest level first.</summary>
    public Task<List<ArticleApproval>> CurrentApprovalsAsync(int id, int round, CancellationToken cancellationToken = default) =>
        db.ArticleApprovals.AsNoTracking().Where(a => a.ArticleId == id && a.Round == round).OrderBy(a => a.Level).ToListAsync(cancellationToken);

    /// <summary>
    /// Whether <paramref name="userId"/> changed the content of the article since its live version
    /// (since its first revision when it was never published): a reviewer may not approve text
    /// they wrote, even when someone else made the last small change.
    /// </summary>
    private async Task<bool> WroteSinceLiveAsync(Article article, string userId, CancellationToken cancellationToken)
    {
        var from = article.LiveRevision ?? 0;
        var revisions = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == article.Id && r.Number >= from)
            .OrderBy(r => r.Number)
            .Select(r => new { r.AuthorId, Content = new ArticleSnapshot(r.Title, r.SectionId, r.Source, r.PublishedAt, r.Summary, r.Keywords, r.CoverImageId, r.BodyMarkdown) })
            .ToListAsync(cancellationToken);
        ArticleSnapshot? previous = null;
        foreach (var revision in revisions)
        {
            // The live revision itself is the baseline, not a change (unless it is the first one).
            var isBaseline = previous is null && article.LiveRevision is not null;
            if (!isBaseline && revision.AuthorId == userId && (previous is null || revision.Content != previous))
            {
                return true;
            }

            previous = revision.Content;
        }

        return false;
    }

    private Task<ArticleSnapshot?> RevisionAsync(int id, int number, CancellationToken cancellationToken) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id && r.Number == number)
            .Select(r => new ArticleSnapshot(r.Title, r.SectionId, r.Source, r.PublishedAt, r.Summary, r.Keywords, r.CoverImageId, r.BodyMarkdown))
            .FirstOrDefaultAsync(cancellationToken);
}
