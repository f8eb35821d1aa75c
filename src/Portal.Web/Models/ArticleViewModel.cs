using Portal.Core.Articles;
using Portal.Core.Sections;

namespace Portal.Web.Models;

/// <summary>An article's page.</summary>
public sealed class ArticleViewModel : PageViewModel
{
    public required ArticleDetail Article { get; init; }

    public required SectionNode Section { get; init; }

    /// <summary>上一篇: the newer neighbour in the section's list, if any.</summary>
    public ArticleListItem? Previous { get; init; }

    /// <summary>下一篇: the older neighbour in the section's list, if any.</summary>
    public ArticleListItem? Next { get; init; }

    /// <summary>The reader's current text size, for the 字号 switch.</summary>
    public required FontSize FontSize { get; init; }
}
