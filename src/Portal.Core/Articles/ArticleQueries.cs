using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Paging;

namespace Portal.Core.Articles;

/// <summary>An article in a list: enough for a dated link.</summary>
public sealed record ArticleListItem(int Id, string UrlKey, string Title, DateTime PublishedAt, int SectionId)
{
    /// <summary>置顶: the article heads a section list now (set by <see cref="ArticleQueries.ListAsync"/> only).</summary>
    public bool IsPinned { get; init; }
}

/// <summary>An article as its page shows it.</summary>
public sealed record ArticleDetail(
    int Id,
    string UrlKey,
    string Title,
    DateTime PublishedAt,
    bool HasPublishTime,
    string Source,
    string BodyHtml,
    int SectionId,
    string? Summary,
    string? Keywords,
    string? CoverImageName)
{
    /// <summary>更新时间: when a correction last replaced the live version (null: never corrected).</summary>
    public DateTime? RevisedAt { get; init; }

    /// <summary>The cover image's alt text (<see cref="Media.MediaFile.AltText"/>), if it has one.</summary>
    public string? CoverAltText { get; init; }
}

/// <summary>
/// The read side of articles for public pages. Only published articles whose publish time has
/// come and that are not in the recycle bin are visible; everything is ordered newest first with the id as tie-breaker, so paging
/// is deterministic on every provider.
/// </summary>
public sealed class ArticleQueries(PortalDbContext db, TimeProvider time)
{
    private IQueryable<Article> Visible
    {
        get
        {
            var now = time.GetUtcNow().UtcDateTime;
            return db.Articles.AsNoTracking().VisibleAt(now);
        }
    }

    /// <summary>
    /// A page of the visible articles in the given sections: the pinned ones first (置顶, newest
    /// first), then the rest newest first. Two plain queries rather than one ordered by the pin, so
    /// the big list keeps its (section, date) index: the pinned ones (few) are counted and their
    /// share of the page read by <see cref="PinnedQuery"/>, the page's remainder by
    /// <see cref="ListQuery"/>, offset by the number of pinned ones.
    /// </summary>
    public async Task<PagedList<ArticleListItem>> ListAsync(IReadOnlyCollection<int> sectionIds, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var now = time.GetUtcNow().UtcDateTime;
        var pinned = PinnedQuery(sectionIds, now);
        var pinnedCount = await pinned.CountAsync(cancellationToken);
        var start = (long)(page - 1) * pageSize;
        List<ArticleListItem> items = [];
        if (start < pinnedCount)
        {
            items = (await pinned.Skip((int)start).Take(pageSize).ToListAsync(cancellationToken))
                .Select(a => a with { IsPinned = true }).ToList();
        }

        // The rest, as if the pinned ones were not in it: the page continues where they end.
        var rest = ListQuery(sectionIds, now);
        var restCount = await rest.CountAsync(cancellationToken);
        var restStart = Math.Max(0, start - pinnedCount);
        if (items.Count < pageSize && restStart < restCount)
        {
            items.AddRange(await rest.Skip((int)restStart).Take(pageSize - items.Count).ToListAsync(cancellationToken));
        }

        return new PagedList<ArticleListItem>(items, page, pageSize, pinnedCount + restCount);
    }

    /// <summary>
    /// The query behind <see cref="ListAsync"/>'s list: the visible articles in the given sections
    /// not pinned at <paramref name="now"/> (all of them when null), newest first. Public so tests
    /// can check how each provider translates it (<c>ToQueryString</c>).
    /// </summary>
    public IQueryable<ArticleListItem> ListQuery(IReadOnlyCollection<int> sectionIds, DateTime? now = null)
    {
        var articles = Visible.Where(a => sectionIds.Contains(a.SectionId));
        if (now is { } at)
        {
            articles = articles.Where(a => a.PinnedUntil == null || a.PinnedUntil <= at);
        }

        return articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new ArticleListItem(a.Id, a.UrlKey, a.Title, a.PublishedAt, a.SectionId));
    }

    /// <summary>The visible articles in the given sections pinned at <paramref name="now"/> (置顶), newest first; public for translation tests.</summary>
    public IQueryable<ArticleListItem> PinnedQuery(IReadOnlyCollection<int> sectionIds, DateTime now) =>
        Visible.Where(a => a.PinnedUntil > now && sectionIds.Contains(a.SectionId))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new ArticleListItem(a.Id, a.UrlKey, a.Title, a.PublishedAt, a.SectionId));

    /// <summary>
    /// The newest <paramref name="count"/> visible articles of each given section, in one query
    /// (top-N per group), newest first within each section.
    /// </summary>
    public async Task<ILookup<int, ArticleListItem>> LatestPerSectionAsync(IReadOnlyCollection<int> sectionIds, int count, CancellationToken cancellationToken = default)
    {
        var groups = await Visible.Where(a => sectionIds.Contains(a.SectionId))
            .GroupBy(a => a.SectionId)
            .Select(g => g.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(count)
                .Select(a => new ArticleListItem(a.Id, a.UrlKey, a.Title, a.PublishedAt, a.SectionId))
                .ToList())
            .ToListAsync(cancellationToken);
        return groups.SelectMany(g => g).ToLookup(a => a.SectionId);
    }

    /// <summary>
    /// The newest <paramref name="count"/> visible articles, newest first: of the given sections,
    /// or of the whole site when <paramref name="sectionIds"/> is null. For feeds.
    /// </summary>
    public async Task<IReadOnlyList<ArticleFeedItem>> LatestAsync(IReadOnlyCollection<int>? sectionIds, int count, CancellationToken cancellationToken = default) =>
        await LatestQuery(sectionIds, count).ToListAsync(cancellationToken);

    /// <summary>The query behind <see cref="LatestAsync"/>, public for translation tests.</summary>
    public IQueryable<ArticleFeedItem> LatestQuery(IReadOnlyCollection<int>? sectionIds, int count)
    {
        var visible = sectionIds is null ? Visible : Visible.Where(a => sectionIds.Contains(a.SectionId));

        // The description is made on the client, from the summary and body the last projection reads.
        return visible
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(count)
            .Select(a => new ArticleFeedItem(a.Id, a.UrlKey, a.Title, a.PublishedAt, a.UpdatedAt, ArticleText.Description(a.Summary, a.BodyHtml)));
    }

    /// <summary>How many articles readers can see.</summary>
    public Task<int> CountVisibleAsync(CancellationToken cancellationToken = default) => Visible.CountAsync(cancellationToken);

    /// <summary>
    /// The keys and dates of visible articles in id order, <paramref name="skip"/> and
    /// <paramref name="take"/> giving one sitemap file's share. Streamed: a site with a million
    /// articles is written row by row, never held in memory.
    /// </summary>
    public IAsyncEnumerable<ArticleDates> DatesAsync(int skip, int take) => DatesQuery(skip, take).AsAsyncEnumerable();

    /// <summary>The query behind <see cref="DatesAsync"/>, public for translation tests.</summary>
    public IQueryable<ArticleDates> DatesQuery(int skip, int take) =>
        Visible.OrderBy(a => a.Id).Skip(skip).Take(take)
            .Select(a => new ArticleDates(a.UrlKey, a.PublishedAt, a.UpdatedAt));

    /// <summary>For each section with visible articles, the latest publish or update time among them (UTC).</summary>
    public async Task<IReadOnlyDictionary<int, DateTime>> LastModifiedPerSectionAsync(CancellationToken cancellationToken = default)
    {
        var rows = await Visible.GroupBy(a => a.SectionId)
            .Select(g => new { SectionId = g.Key, Published = g.Max(a => a.PublishedAt), Updated = g.Max(a => a.UpdatedAt) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.SectionId, r => r.Published > r.Updated ? r.Published : r.Updated);
    }

    /// <summary>The visible article with the given URL key, or null.</summary>
    public Task<ArticleDetail?> FindAsync(string urlKey, CancellationToken cancellationToken = default) =>
        FindQuery(urlKey).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The query behind <see cref="FindAsync"/>, public for translation tests.</summary>
    public IQueryable<ArticleDetail> FindQuery(string urlKey) => Details(Visible.Where(a => a.UrlKey == urlKey));

    /// <summary>
    /// A 单页 section's page: the newest visible article of the section itself (not of the
    /// sections below it), or null while it has none.
    /// </summary>
    public Task<ArticleDetail?> SectionPageAsync(int sectionId, CancellationToken cancellationToken = default) =>
        Details(Visible.Where(a => a.SectionId == sectionId).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id))
            .FirstOrDefaultAsync(cancellationToken);

    private IQueryable<ArticleDetail> Details(IQueryable<Article> articles) =>
        articles
            .Select(a => new ArticleDetail(
                a.Id, a.UrlKey, a.Title, a.PublishedAt, a.HasPublishTime, a.Source, a.BodyHtml, a.SectionId, a.Summary, a.Keywords,
                db.MediaFiles.Where(m => m.Id == a.CoverImageId).Select(m => m.StoredName).FirstOrDefault())
            {
                RevisedAt = a.RevisedAt,
                CoverAltText = db.MediaFiles.Where(m => m.Id == a.CoverImageId).Select(m => m.AltText).FirstOrDefault(),
            });

    /// <summary>
    /// The neighbours of an article in its section's list (newest first): 上一篇 is the one listed
    /// just above it (newer), 下一篇 the one just below (older).
    /// </summary>
    public async Task<(ArticleListItem? Previous, ArticleListItem? Next)> NeighboursAsync(ArticleDetail article, CancellationToken cancellationToken = default)
    {
        var inSection = Visible.Where(a => a.SectionId == article.SectionId && a.Id != article.Id);
        var previous = await inSection
            .Where(a => a.PublishedAt > article.PublishedAt || (a.PublishedAt == article.PublishedAt && a.Id > article.Id))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => new ArticleListItem(a.Id, a.UrlKey, a.Title, a.PublishedAt, a.SectionId))
            .FirstOrDefaultAsync(cancellationToken);
        var next = await inSection
            .Where(a => a.PublishedAt < article.PublishedAt || (a.PublishedAt == article.PublishedAt && a.Id < article.Id))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new ArticleListItem(a.Id, a.UrlKey, a.Title, a.PublishedAt, a.SectionId))
            .FirstOrDefaultAsync(cancellationToken);
        return (previous, next);
    }
}
