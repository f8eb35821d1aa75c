using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Site;

namespace Portal.Core.Articles;

/// <summary>
/// The mechanics every article command shares: load, check the workflow table and the version
/// token, then one save of the change with its revision, in which a lost race is a conflict.
/// </summary>
public sealed class ArticleCommandRunner(PortalDbContext db, ArticleRevisionWriter revisions, EditorialContext context)
{
    /// <summary>
    /// Loads the article (not in the recycle bin), checks <paramref name="command"/> against the
    /// workflow table and the version the caller loaded, then runs <paramref name="change"/>.
    /// </summary>
    public async Task<CommandResult> ChangeAsync(EditorialActor actor, int id, int expectedVersion, ArticleCommand command, Func<Article, EditorialState, Task<CommandResult>> change, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.DeletedAt == null, cancellationToken);
        if (article is null)
        {
            return CommandResult.NotFound("文章不存在或已移入回收站。");
        }

        var state = await context.StateOfAsync(actor, article, cancellationToken);
        if (ArticleWorkflow.Check(command, state.Article, state.Actor) is { Allowed: false } refusal)
        {
            return refusal.ToResult();
        }

        if (article.Version != expectedVersion)
        {
            return Conflict(id);
        }

        return await change(article, state);
    }

    /// <summary>
    /// Versions the article with its revision (holding <paramref name="pending"/> when it keeps a
    /// correction; live when <paramref name="publishes"/>) and saves everything tracked; a save lost
    /// to someone else's is a conflict and stores nothing.
    /// </summary>
    public async Task<CommandResult> CommitAsync(Article article, string userId, string note, string message, ArticleSnapshot? pending, CancellationToken cancellationToken, bool publishes = false)
    {
        await revisions.AddAsync(article, userId, note, pending, cancellationToken: cancellationToken);
        if (publishes)
        {
            article.LiveRevision = article.Version;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save won the race between our read and our write (the version token, the
            // revision number it implies or the approval of this level no longer matches): nothing
            // of ours was stored.
            if (!await ChangedSinceAsync(article, cancellationToken))
            {
                throw;
            }

            db.ChangeTracker.Clear();
            return Conflict(article.Id);
        }

        return CommandResult.Ok(message, article.Id);
    }

    private async Task<bool> ChangedSinceAsync(Article article, CancellationToken cancellationToken)
    {
        var loaded = (int)db.Entry(article).Property(a => a.Version).OriginalValue;
        var current = await db.Articles.AsNoTracking().Where(a => a.Id == article.Id).Select(a => (int?)a.Version).FirstOrDefaultAsync(cancellationToken);
        return current != loaded;
    }

    /// <summary>The conflict answer: the article changed since the caller loaded it.</summary>
    public static CommandResult Conflict(int id) =>
        CommandResult.Conflict(id, "这篇文章在您打开之后已被他人修改，您的操作没有保存。");
}
