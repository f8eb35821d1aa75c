using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Paging;
using Portal.Core.Sections;

namespace Portal.Core.Articles;

/// <summary>
/// An article in the admin list (and the recycle bin). <c>Version</c> is the version the row was
/// read at (a bulk action sends it back, so a change made since is a conflict); <c>PendingStatus</c>
/// is where a 待审修改 of the live article stands, null without one.
/// </summary>
public sealed record ArticleAdminItem(int Id, string Title, string SectionName, ArticleStatus Status, string? AuthorName, DateTime PublishedAt, DateTime UpdatedAt, DateTime? DeletedAt, int Version = 0, ArticleStatus? PendingStatus = null)
{
    /// <summary>When a 定时发布 article goes online (null for any other status).</summary>
    public DateTime? ScheduledAt { get; init; }
}

/// <summary>
/// Filters of the admin article list; every one optional. <paramref name="Search"/> matches
/// title, body, source and keywords (every word of it somewhere, case-insensitive for Latin
/// letters, literally: <c>%</c> and <c>_</c> are not wildcards); <paramref name="PendingChange"/>
/// keeps only live articles with a 待审修改 (and is combined with <paramref name="Status"/> when both are set).
/// </summary>
public sealed record ArticleFilter(ArticleStatus? Status = null, int? SectionId = null, string? AuthorId = null, string? Search = null, bool PendingChange = false);

/// <summary>An article as the edit page loads it (<see cref="Fields"/> are the live or working copy's; a 待审修改's come from its revision).</summary>
public sealed record ArticleEditData(
    int Id,
    string UrlKey,
    ArticleStatus Status,
    int Version,
    string? LastEditorId,
    string? ReviewComment,
    ArticleSnapshot Fields)
{
    public ArticleStatus? PendingStatus { get; init; }

    public int? PendingRevision { get; init; }

    public int? LiveRevision { get; init; }

    public bool PublishedAtChosen { get; init; }

    public DateTime? ScheduledAt { get; init; }

    public DateTime? SubmittedAt { get; init; }

    public DateTime? RevisedAt { get; init; }

    public int ReviewRound { get; init; }

    /// <summary>置顶 until (UTC); null when not pinned.</summary>
    public DateTime? PinnedUntil { get; init; }

    public bool IsHeadline { get; init; }

    public bool IsPictureNews { get; init; }

    /// <summary>The live cover image's alt text (null without a cover or without alt text).</summary>
    public string? CoverAltText { get; init; }
}

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

    /// <summary>The longest search text used (longer is cut), and the most words of it that count.</summary>
    public const int SearchMaxLength = 100;

    public const int SearchMaxWords = 5;

    /// <summary>
    /// A page of articles (not in the recycle bin) in <paramref name="order"/>, within
    /// <paramref name="sections"/> when the reader is limited to some (<see cref="SectionLimits"/>; null: all).
    /// </summary>
    public Task<PagedList<ArticleAdminItem>> ListAsync(ArticleFilter filter, ArticleSort order, IReadOnlyCollection<int>? sections, int page, CancellationToken cancellationToken = default) =>
        ListQuery(filter, order, sections).ToPagedListAsync(page, PageSize, cancellationToken);

    /// <summary>The query behind <see cref="ListAsync"/> (public so tests can read its SQL on every provider).</summary>
    public IQueryable<ArticleAdminItem> ListQuery(ArticleFilter filter, ArticleSort order, IReadOnlyCollection<int>? sections)
    {
        var articles = db.Articles.AsNoTracking().Where(a => a.DeletedAt == null).Within(sections);
        if (filter.Status is { } status)
        {
            articles = articles.Where(a => a.Status == status);
        }

        if (filter.PendingChange)
        {
            articles = articles.Where(a => a.PendingStatus != null);
        }

        if (filter.SectionId is { } sectionId)
        {
            articles = articles.Where(a => a.SectionId == sectionId);
        }

        if (!string.IsNullOrEmpty(filter.AuthorId))
        {
            articles = articles.Where(a => a.AuthorId == filter.AuthorId);
        }

        foreach (var word in SearchWords(filter.Search))
        {
            // Contains with a parameter is translated as a plain substring test on every provider
            // (instr on SQLite, strpos on PostgreSQL, on SQL Server a LIKE whose parameter EF escapes),
            // so % _ [ in the text match themselves. Both sides in lower case: PostgreSQL compares
            // case-sensitively, SQLite's lower() folds ASCII only, which is what we promise.
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower() and a substring test; the culture and comparison overloads have no translation.
            articles = articles.Where(a =>
                a.Title.ToLower().Contains(word)
                || a.BodyMarkdown.ToLower().Contains(word)
                || a.Source.ToLower().Contains(word)
                || (a.Keywords != null && a.Keywords.ToLower().Contains(word)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return Project(Order(articles, order));
    }

    /// <summary>The words of a search text, lower-cased (ASCII), at most <see cref="SearchMaxWords"/> of the first <see cref="SearchMaxLength"/> characters.</summary>
    public static IReadOnlyList<string> SearchWords(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return [];
        }

        var text = search.Trim();
        text = text.Length > SearchMaxLength ? text[..SearchMaxLength] : text;
        return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(LowerAscii)
            .Distinct(StringComparer.Ordinal)
            .Take(SearchMaxWords)
            .ToList();
    }

    /// <summary>Lower-cases A–Z only, as SQLite's lower() does, so the word and the column are folded alike.</summary>
    private static string LowerAscii(string word) =>
        string.Create(word.Length, word, (span, w) =>
        {
            for (var i = 0; i < w.Length; i++)
            {
                span[i] = w[i] is >= 'A' and <= 'Z' ? (char)(w[i] + ('a' - 'A')) : w[i];
            }
        });

    private static IQueryable<Article> Order(IQueryable<Article> articles, ArticleSort order)
    {
        var ordered = (order.Key, order.Descending) switch
        {
            (ArticleSortKey.Date, false) => articles.OrderBy(a => a.PublishedAt),
            (ArticleSortKey.Date, true) => articles.OrderByDescending(a => a.PublishedAt),
            (ArticleSortKey.Title, false) => articles.OrderBy(a => a.Title),
            (ArticleSortKey.Title, true) => articles.OrderByDescending(a => a.Title),

            // The status is stored as its name; the workflow's order reads better than the alphabet's.
            (ArticleSortKey.Status, false) => articles.OrderBy(StatusRank),
            (ArticleSortKey.Status, true) => articles.OrderByDescending(StatusRank),
            (_, false) => articles.OrderBy(a => a.UpdatedAt),
            _ => articles.OrderByDescending(a => a.UpdatedAt),
        };

        // The id last, so that equal keys page deterministically.
        return order.Descending ? ordered.ThenByDescending(a => a.Id) : ordered.ThenBy(a => a.Id);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Article, int>> StatusRank = a =>
        a.Status == ArticleStatus.Draft ? 0
        : a.Status == ArticleStatus.Submitted ? 1
        : a.Status == ArticleStatus.Returned ? 2
        : a.Status == ArticleStatus.Scheduled ? 3
        : a.Status == ArticleStatus.Published ? 4
        : 5;

    /// <summary>The article for the edit page, or null (also for one in the recycle bin).</summary>
    public Task<ArticleEditData?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        db.Articles.AsNoTracking().Where(a => a.Id == id && a.DeletedAt == null)
            .Select(a => new ArticleEditData(
                a.Id, a.UrlKey, a.Status, a.Version, a.LastEditorId, a.ReviewComment,
                new ArticleSnapshot(a.Title, a.SectionId, a.Source, a.PublishedAt, a.Summary, a.Keywords, a.CoverImageId, a.BodyMarkdown))
            {
                PendingStatus = a.PendingStatus,
                PendingRevision = a.PendingRevision,
                LiveRevision = a.LiveRevision,
                PublishedAtChosen = a.PublishedAtChosen,
                ScheduledAt = a.ScheduledAt,
                SubmittedAt = a.SubmittedAt,
                RevisedAt = a.RevisedAt,
                ReviewRound = a.ReviewRound,
                PinnedUntil = a.PinnedUntil,
                IsHeadline = a.IsHeadline,
                IsPictureNews = a.IsPictureNews,
                CoverAltText = db.MediaFiles.Where(m => m.Id == a.CoverImageId).Select(m => m.AltText).FirstOrDefault(),
            })
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

    /// <summary>Staff who have written articles (in <paramref name="sections"/>, when given), for the author filter.</summary>
    public Task<List<Choice>> AuthorChoicesAsync(IReadOnlyCollection<int>? sections = null, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().Where(u => db.Articles.Within(sections).Any(a => a.AuthorId == u.Id))
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
            a.DeletedAt,
            a.Version,
            a.PendingStatus)
        {
            ScheduledAt = a.ScheduledAt,
        });
}
