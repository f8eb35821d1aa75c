using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Paging;

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
    string? AuthorId,
    string? LastEditorId,
    string? ReviewComment,
    DateTime? DeletedAt,
    ArticleSnapshot Fields);

/// <summary>A line of an article's history.</summary>
public sealed record RevisionListItem(int Number, string AuthorName, DateTime CreatedAt, string Note, string Title);

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

    /// <summary>A page of the recycle bin, most recently deleted first, optionally filtered by title.</summary>
    public Task<PagedList<ArticleAdminItem>> BinAsync(int page, string? search = null, CancellationToken cancellationToken = default)
    {
        var deleted = db.Articles.AsNoTracking().Where(a => a.DeletedAt != null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            deleted = deleted.Where(a => a.Title.Contains(term));
        }

        return Project(deleted.OrderByDescending(a => a.DeletedAt).ThenByDescending(a => a.Id)).ToPagedListAsync(page, PageSize, cancellationToken);
    }

    /// <summary>The article for the edit page, or null (also for one in the recycle bin).</summary>
    public Task<ArticleEditData?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        db.Articles.AsNoTracking().Where(a => a.Id == id && a.DeletedAt == null)
            .Select(a => new ArticleEditData(
                a.Id, a.UrlKey, a.Status, a.Version, a.AuthorId, a.LastEditorId, a.ReviewComment, a.DeletedAt,
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

    /// <summary>Sections for a select, in tree order by name; restricted to <paramref name="allowed"/> when given.</summary>
    public async Task<List<Choice>> SectionChoicesAsync(IReadOnlyCollection<int>? allowed = null, CancellationToken cancellationToken = default)
    {
        var sections = await db.Sections.AsNoTracking()
            .Select(s => new { s.Id, s.ParentId, s.Name, s.SortOrder })
            .ToListAsync(cancellationToken);
        var children = sections.ToLookup(s => s.ParentId);
        var result = new List<Choice>();
        void Walk(int? parentId, int depth)
        {
            foreach (var s in children[parentId].OrderBy(s => s.SortOrder).ThenBy(s => s.Id))
            {
                if (allowed is null || allowed.Count == 0 || allowed.Contains(s.Id))
                {
                    result.Add(new Choice(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('　', depth) + s.Name));
                }

                Walk(s.Id, depth + 1);
            }
        }

        Walk(null, 0);
        return result;
    }

    /// <summary>The sections a user is limited to; empty means all.</summary>
    public Task<List<int>> AllowedSectionsAsync(string userId, CancellationToken cancellationToken = default) =>
        db.UserSections.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.SectionId).ToListAsync(cancellationToken);

    /// <summary>Section names by id, for diffs and lists.</summary>
    public Task<Dictionary<int, string>> SectionNamesAsync(CancellationToken cancellationToken = default) =>
        db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);

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
