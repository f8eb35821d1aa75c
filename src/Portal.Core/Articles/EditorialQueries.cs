using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Accounts;
using Portal.Core.Data;
using Portal.Core.Paging;
using Portal.Core.Sections;

namespace Portal.Core.Articles;

/// <summary>An article in the admin list.</summary>
public sealed record ArticleAdminItem(int Id, string Title, string SectionName, ArticleStatus Status, string? AuthorName, DateTime PublishedAt, DateTime UpdatedAt, DateTime? DeletedAt);

/// <summary>Filters of the admin article list; every one optional.</summary>
public sealed record ArticleFilter(ArticleStatus? Status = null, int? SectionId = null, string? AuthorId = null, string? Search = null);

/// <summary>An article as the edit page loads it.</summary>
public sealed record ArticleEditData(
    int Id,
    string UrlKey,
    ArticleStatus Status,
    int Version,
    string? LastEditorId,
    string? ReviewComment,
    ArticleSnapshot Fields);

/// <summary>A line of an article's history.</summary>
public sealed record RevisionListItem(int Number, string AuthorName, DateTime CreatedAt, string Note, string Title);

/// <summary>What changed between two states of an article: the other fields, then the body.</summary>
public sealed record RevisionComparison(IReadOnlyList<FieldChange> FieldChanges, IReadOnlyList<DiffSegment> BodyDiff);

/// <summary>A choice in a select list.</summary>
public sealed record Choice(string Value, string Text);

/// <summary>The read side of the editorial workflow: lists, the edit page, history, choices for selects.</summary>
public sealed class EditorialQueries(PortalDbContext db)
{
    public const int PageSize = 20;

    /// <summary>A page of articles (not in the recycle bin), most recently changed first.</summary>
    public Task<PagedList<ArticleAdminItem>> ListAsync(ArticleFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var articles = db.Articles.AsNoTracking().Where(a => a.DeletedAt == null);
        if (filter.Status is { } status)
        {
            articles = articles.Where(a => a.Status == status);
        }

        if (filter.SectionId is { } sectionId)
        {
            articles = articles.Where(a => a.SectionId == sectionId);
        }

        if (!string.IsNullOrEmpty(filter.AuthorId))
        {
            articles = articles.Where(a => a.AuthorId == filter.AuthorId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            articles = articles.Where(a => a.Title.Contains(term));
        }

        return Project(articles.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)).ToPagedListAsync(page, PageSize, cancellationToken);
    }

    /// <summary>The article for the edit page, or null (also for one in the recycle bin).</summary>
    public Task<ArticleEditData?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        db.Articles.AsNoTracking().Where(a => a.Id == id && a.DeletedAt == null)
            .Select(a => new ArticleEditData(
                a.Id, a.UrlKey, a.Status, a.Version, a.LastEditorId, a.ReviewComment,
                new ArticleSnapshot(a.Title, a.SectionId, a.Source, a.PublishedAt, a.Summary, a.Keywords, a.CoverImageId, a.BodyMarkdown)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every revision of an article, newest first.</summary>
    public Task<List<RevisionListItem>> HistoryAsync(int id, CancellationToken cancellationToken = default) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionListItem(r.Number, r.AuthorName, r.CreatedAt, r.Note, r.Title))
            .ToListAsync(cancellationToken);

    /// <summary>One revision's fields, or null.</summary>
    public Task<ArticleSnapshot?> RevisionAsync(int id, int number, CancellationToken cancellationToken = default) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id && r.Number == number)
            .Select(r => new ArticleSnapshot(r.Title, r.SectionId, r.Source, r.PublishedAt, r.Summary, r.Keywords, r.CoverImageId, r.BodyMarkdown))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The state a user started from when they loaded <paramref name="version"/>: the revision with
    /// that number (every save writes one numbered like the version it creates), else the newest
    /// one before it; null for an imported article never saved here.
    /// </summary>
    public Task<ArticleSnapshot?> StateAtVersionAsync(int id, int version, CancellationToken cancellationToken = default) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id && r.Number <= version)
            .OrderByDescending(r => r.Number)
            .Select(r => new ArticleSnapshot(r.Title, r.SectionId, r.Source, r.PublishedAt, r.Summary, r.Keywords, r.CoverImageId, r.BodyMarkdown))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Who saved the article after <paramref name="version"/>, for the conflict page.</summary>
    public Task<List<RevisionListItem>> RevisionsAfterAsync(int id, int version, CancellationToken cancellationToken = default) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id && r.Number > version)
            .OrderBy(r => r.Number)
            .Select(r => new RevisionListItem(r.Number, r.AuthorName, r.CreatedAt, r.Note, r.Title))
            .ToListAsync(cancellationToken);

    /// <summary>Sections for a select, in tree order (indented by depth); restricted to <paramref name="allowed"/> when given and not empty.</summary>
    public async Task<List<Choice>> SectionChoicesAsync(IReadOnlyCollection<int>? allowed = null, CancellationToken cancellationToken = default)
    {
        var tree = await SectionTree.LoadAsync(db, cancellationToken);
        return tree.Indented()
            .Where(s => allowed is null || allowed.Count == 0 || allowed.Contains(s.Node.Id))
            .Select(s => new Choice(s.Node.Id.ToString(CultureInfo.InvariantCulture), s.Label))
            .ToList();
    }

    /// <summary>The sections a user is limited to; empty means all.</summary>
    public Task<List<int>> AllowedSectionsAsync(string userId, CancellationToken cancellationToken = default) =>
        UserQueries.SectionIdsOf(db, userId).ToListAsync(cancellationToken);

    /// <summary>
    /// Two states of an article compared for people: the other fields that changed (sections by
    /// name, dates through <paramref name="formatDate"/>) and the body diff.
    /// </summary>
    public async Task<RevisionComparison> CompareAsync(ArticleSnapshot before, ArticleSnapshot after, Func<DateTime, string> formatDate, CancellationToken cancellationToken = default)
    {
        var tree = await SectionTree.LoadAsync(db, cancellationToken);
        return new RevisionComparison(
            RevisionDiff.Fields(before, after, id => tree.Find(id)?.Name ?? $"#{id}", formatDate),
            RevisionDiff.Body(before.BodyMarkdown, after.BodyMarkdown));
    }

    /// <summary>Staff who have written articles, for the author filter.</summary>
    public Task<List<Choice>> AuthorChoicesAsync(CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().Where(u => db.Articles.Any(a => a.AuthorId == u.Id))
            .OrderBy(u => u.UserName)
            .Select(u => new Choice(u.Id, u.DisplayName == "" ? u.UserName! : u.DisplayName))
            .ToListAsync(cancellationToken);

    private IQueryable<ArticleAdminItem> Project(IQueryable<Article> articles) =>
        articles.Select(a => new ArticleAdminItem(
            a.Id,
            a.Title,
            a.Section!.Name,
            a.Status,
            db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName == "" ? u.UserName : u.DisplayName).FirstOrDefault(),
            a.PublishedAt,
            a.UpdatedAt,
            a.DeletedAt));
}
