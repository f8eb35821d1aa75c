namespace Portal.Core.Articles;

/// <summary>
/// The dashboard's tiles: articles by status, live articles with a 待审修改, and the recycle bin
/// (<c>BinCount</c>, null when the reader may not open it).
/// </summary>
public sealed record DashboardCounts(IReadOnlyDictionary<ArticleStatus, int> ByStatus, int PendingChanges, int? BinCount);
