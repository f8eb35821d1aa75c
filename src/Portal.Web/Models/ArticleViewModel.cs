using Portal.Core.Articles;
using Portal.Core.Media;

namespace Portal.Web.Models;

/// <summary>An article's page, for readers or as a preview (<see cref="ArticlePage"/> builds both).</summary>
public sealed class ArticleViewModel : PageViewModel
{
    public required ArticleDetail Article { get; init; }

    /// <summary>上一篇: the newer neighbour in the section's list, if any.</summary>
    public ArticleListItem? Previous { get; init; }

    /// <summary>下一篇: the older neighbour in the section's list, if any.</summary>
    public ArticleListItem? Next { get; init; }

    /// <summary>相关文章: up to five visible articles sharing its keywords, title words or section (from the search index).</summary>
    public IReadOnlyList<ArticleListItem> Related { get; init; } = [];

    /// <summary>The 预览 banner when the page is a preview (of the unsaved form, or through a 预览链接); null for readers.</summary>
    public ArticlePreviewBanner? Preview { get; init; }

    /// <summary>The cover's address: <c>/media/…</c>, or under <c>/preview/{token}/media/</c> for a preview link.</summary>
    public string? CoverImageUrl { get; init; }

    /// <summary>
    /// Where the 字号 links return without JavaScript: the page itself, except for the form's
    /// preview, a POST result that cannot be fetched again (it returns to the edit page).
    /// </summary>
    public string? FontSizeReturnUrl { get; init; }

    /// <summary>Whether the article is shown as a 单页 section's page, at the section's address.</summary>
    public bool IsSinglePage { get; init; }

    /// <inheritdoc />
    public override bool IsSectionPage => IsSinglePage;

    /// <summary>Whether the page lists 上一篇/下一篇: a preview and a 单页 section's page are in no list.</summary>
    public bool ShowNeighbours => Preview is null && !IsSinglePage;

    /// <summary>The cover's public address, for a reader's page.</summary>
    public static string? PublicCoverUrl(ArticleDetail article) =>
        article.CoverImageName is null ? null : MediaLibrary.UrlOf(article.CoverImageName);
}
