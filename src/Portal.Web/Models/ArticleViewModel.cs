using Portal.Core.Articles;

namespace Portal.Web.Models;

/// <summary>An article's page.</summary>
public sealed class ArticleViewModel : PageViewModel
{
    public required ArticleDetail Article { get; init; }

    /// <summary>上一篇: the newer neighbour in the section's list, if any.</summary>
    public ArticleListItem? Previous { get; init; }

    /// <summary>下一篇: the older neighbour in the section's list, if any.</summary>
    public ArticleListItem? Next { get; init; }

    /// <summary>相关文章: up to five visible articles sharing its keywords, title words or section (from the search index).</summary>
    public IReadOnlyList<ArticleListItem> Related { get; init; } = [];
}
