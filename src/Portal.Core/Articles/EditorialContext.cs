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
/// <param name="ActorName">The actor's display name, for the approvals they give.</param>
public sealed record EditorialState(WorkflowArticle Article, WorkflowActor Actor, ActorSections Limits, ArticleSnapshot? Pending, string ActorName)
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

    /// <summary>The workflow's view of <paramref name="article"/> and <paramref name="actor"/>.</summary>
    public async Task<EditorialState> StateOfAsync(EditorialActor actor, Article article, CancellationToken cancellationToken = default)
    {
        var limits = await LimitsOfAsync(actor, cancellationToken);
        var levels = await db.Sections.AsNoTracking().Where(s => s.Id == article.SectionId).Select(s => (int?)s.ReviewLevels).FirstOrDefaultAsync(cancellationToken) ?? 1;
        var approvedThisRound = await db.ArticleApprovals.AsNoTracking()
            .AnyAsync(a => a.ArticleId == article.Id && a.Round == article.ReviewRound && a.ReviewerId == actor.UserId, cancellationToken);
        var pending = article.PendingRevision is { } number ? await RevisionAsync(article.Id, number, cancellationToken) : null;
        var name = await ArticleRevisionWriter.DisplayNameAsync(db, actor.UserId, cancellationToken);
        return new EditorialState(
            new WorkflowArticle(WorkflowArticle.StateOf(article), levels, article.ReviewStage),
            new WorkflowActor(actor.CanReview, actor.IsAdmin, limits.Allows(article.SectionId), article.LastEditorId == actor.UserId, approvedThisRound, limits.Names),
            limits,
            pending,
            name);
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

    private Task<ArticleSnapshot?> RevisionAsync(int id, int number, CancellationToken cancellationToken) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id && r.Number == number)
            .Select(r => new ArticleSnapshot(r.Title, r.SectionId, r.Source, r.PublishedAt, r.Summary, r.Keywords, r.CoverImageId, r.BodyMarkdown))
            .FirstOrDefaultAsync(cancellationToken);
}
