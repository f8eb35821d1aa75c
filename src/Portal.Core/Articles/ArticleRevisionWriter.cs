using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Media;

namespace Portal.Core.Articles;

/// <summary>
/// The one owner of an article's versions and revisions. Every save of an article (an editor's,
/// the scheduler's, the importer's) goes through <see cref="AddAsync"/>, which increments
/// <see cref="Article.Version"/> (the concurrency token) and adds the revision numbered like the
/// new version, so the state a user started from is always findable and no two writers number
/// alike. The revision holds the change under review: the 待审修改 of a live article when there is
/// one, otherwise the article's own fields.
/// </summary>
public sealed class ArticleRevisionWriter(PortalDbContext db, MarkdownRenderer renderer, TimeProvider time, BodyMediaRules? mediaRules = null)
{
    /// <summary>The author name of revisions nobody signed in wrote (the scheduler).</summary>
    public const string SystemAuthorName = "系统";

    /// <summary>
    /// Versions the article and adds its revision, by <paramref name="userId"/> (null: the
    /// portal itself, named <paramref name="authorName"/>). The body is rendered again only when
    /// its Markdown changed. <paramref name="pending"/> is the content of the article's 待审修改,
    /// when the save keeps one: the revision holds it and becomes the article's
    /// <see cref="Article.PendingRevision"/>, while the article's fields stay the live version.
    /// <paramref name="at"/> is the save's time when the caller has one for all its rows (an import run).
    /// </summary>
    public async Task AddAsync(Article article, string? userId, string note, ArticleSnapshot? pending = null, string? authorName = null, DateTime? at = null, CancellationToken cancellationToken = default)
    {
        var now = at ?? time.GetUtcNow().UtcDateTime;
        await NextVersionAsync(article, now, cancellationToken);
        await AddRevisionAsync(article, userId, note, pending, authorName, now, cancellationToken);
    }

    /// <summary>
    /// The first half of <see cref="AddAsync"/> for a caller whose revision must wait for a first
    /// save (the importer, whose new sections get their ids there): the next version, the update
    /// time and the body rendered again when its Markdown changed. <see cref="AddRevisionAsync"/> follows.
    /// </summary>
    public async Task NextVersionAsync(Article article, DateTime now, CancellationToken cancellationToken = default)
    {
        article.Version++;
        article.UpdatedAt = now;
        var entry = db.Entry(article);
        if (entry.State is EntityState.Added or EntityState.Detached
            || !string.Equals(entry.Property(a => a.BodyMarkdown).OriginalValue, article.BodyMarkdown, StringComparison.Ordinal)
            || article.BodyHtml.Length == 0)
        {
            article.BodyHtml = await RenderAsync(article.BodyMarkdown, cancellationToken);
        }
    }

    /// <summary>The second half of <see cref="AddAsync"/>: the revision of the version <see cref="NextVersionAsync"/> gave.</summary>
    public async Task AddRevisionAsync(Article article, string? userId, string note, ArticleSnapshot? pending, string? authorName, DateTime now, CancellationToken cancellationToken = default)
    {
        var entry = db.Entry(article);
        var name = authorName ?? (userId is null ? SystemAuthorName : await DisplayNameAsync(db, userId, cancellationToken));
        var revision = ArticleRevision.Of(article, userId, name, now, note);
        if (pending is not null)
        {
            revision.Title = pending.Title;
            revision.SectionId = pending.SectionId;
            revision.Source = pending.Source;
            revision.PublishedAt = pending.PublishedAt;
            revision.Summary = pending.Summary;
            revision.Keywords = pending.Keywords;
            revision.CoverImageId = pending.CoverImageId;
            revision.BodyMarkdown = pending.BodyMarkdown;
            article.PendingRevision = article.Version;
        }

        if (entry.State is EntityState.Added or EntityState.Detached)
        {
            article.Revisions.Add(revision);
        }
        else
        {
            revision.ArticleId = article.Id;
            db.ArticleRevisions.Add(revision);
        }
    }

    /// <summary>The body as readers get it: library images with their size and small copy (srcset).</summary>
    public async Task<string> RenderAsync(string markdown, CancellationToken cancellationToken = default)
    {
        var images = mediaRules is null ? null : await mediaRules.ImagesAsync(markdown, cancellationToken);
        return renderer.Render(markdown, images);
    }

    /// <summary>How a user is named in history: the display name, else the user name.</summary>
    public static async Task<string> DisplayNameAsync(PortalDbContext db, string userId, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => u.DisplayName == "" ? u.UserName : u.DisplayName)
            .FirstOrDefaultAsync(cancellationToken) ?? userId;
}
