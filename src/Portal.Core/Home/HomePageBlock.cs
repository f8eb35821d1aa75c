using Portal.Core.Sections;

namespace Portal.Core.Home;

/// <summary>
/// One block of the home page as readers see it, never empty: a block with nothing to show is
/// left out of <see cref="HomePage.Blocks"/>.
/// </summary>
public sealed class HomePageBlock
{
    public required HomeBlockKind Kind { get; init; }

    /// <summary>The block's heading (its title, the section's name, or the kind's own name).</summary>
    public required string Heading { get; init; }

    /// <summary>The section a 栏目 block lists (its heading and 更多 link lead there); null for other kinds.</summary>
    public SectionNode? Section { get; init; }

    /// <summary>头条: the one article; 图片新闻 and 栏目: newest first.</summary>
    public IReadOnlyList<HomeArticle> Articles { get; init; } = [];

    /// <summary>专题 and 快捷链接: the links in order.</summary>
    public IReadOnlyList<HomePageLink> Links { get; init; } = [];
}
