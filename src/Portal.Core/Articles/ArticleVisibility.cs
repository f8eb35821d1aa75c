using System.Linq.Expressions;

namespace Portal.Core.Articles;

/// <summary>
/// Which articles readers may see: the one rule behind every public list, page, feed and the
/// search index. An article is on the site when it is published, not in the recycle bin, and its
/// publish time has come.
/// </summary>
public static class ArticleVisibility
{
    /// <summary>
    /// Published and not in the recycle bin, whatever the publish time: what the search index holds.
    /// The time is checked when a search runs, so an article dated later appears at its time
    /// without anyone touching it.
    /// </summary>
    public static Expression<Func<Article, bool>> Indexable { get; } =
        a => a.Status == ArticleStatus.Published && a.DeletedAt == null;

    private static readonly Func<Article, bool> IsIndexableCompiled = Indexable.Compile();

    /// <summary>The articles of <paramref name="articles"/> that readers see at <paramref name="nowUtc"/>.</summary>
    public static IQueryable<Article> VisibleAt(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(Indexable).Where(a => a.PublishedAt <= nowUtc);

    /// <summary>
    /// <see cref="Indexable"/> for an article already read (by key: a query that also filters by
    /// status lets SQLite's planner pick the status index and scan every article).
    /// </summary>
    public static bool IsIndexable(Article article) => IsIndexableCompiled(article);

    /// <summary><see cref="VisibleAt"/> for an article already read.</summary>
    public static bool IsVisibleAt(Article article, DateTime nowUtc) => IsIndexable(article) && article.PublishedAt <= nowUtc;
}
