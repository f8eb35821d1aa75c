using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Paging;

namespace Portal.Core.Articles;

/// <summary>An article in a list: enough for a dated link.</summary>
public sealed record ArticleListItem(int Id, string UrlKey, string Title, DateTime PublishedAt, int SectionId);

/// <summary>An article as its page shows it.</summary>
public sealed record ArticleDetail(
    int Id,
    string UrlKey,
    string Title,
    DateTime PublishedAt,
    string Source,
    string BodyHtml,
    int SectionId,
    string? Summary,
    string? Keywords,
    string? CoverImageName);

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

    /// <summary>A page of the visible articles in the given sections, newest first.</summary>
    public Task<PagedList<ArticleListItem>> ListAsync(IReadOnlyCollection<int> sectionIds, int page, int pageSize, CancellationToken cancellationToken = default) =>
        ListQuery(sectionIds).ToPagedListAsync(page, pageSize, cancellationToken);

    /// <summary>
    /// The query behind <see cref="ListAsync"/>: the visible articles in the given sections, newest
    /// first. Public so tests can check how each provider translates it (<c>ToQueryString</c>).
    /// </summary>
    public IQueryable<ArticleListItem> ListQuery(IReadOnlyCollection<int> sectionIds) =>
        Visible.Where(a => sectionIds.Contains(a.SectionId))
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

    /// <summary>The visible article with the given URL key, or null.</summary>
    public Task<ArticleDetail?> FindAsync(string urlKey, CancellationToken cancellationToken = default) =>
        FindQuery(urlKey).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The query behind <see cref="FindAsync"/>, public for translation tests.</summary>
    public IQueryable<ArticleDetail> FindQuery(string urlKey) =>
        Visible.Where(a => a.UrlKey == urlKey)
            .Select(a => new ArticleDetail(
                a.Id, a.UrlKey, a.Title, a.PublishedAt, a.Source, a.BodyHtml, a.SectionId, a.Summary, a.Keywords,
                db.MediaFiles.Where(m => m.Id == a.CoverImageId).Select(m => m.StoredName).FirstOrDefault()));

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
