using Portal.Core.Articles;
using Portal.Core.Sections;

namespace Portal.Web.Models;

/// <summary>首页: the latest articles of each menu section.</summary>
public sealed class HomeViewModel : PageViewModel
{
    public required IReadOnlyList<HomeSectionBlock> Blocks { get; init; }

    /// <summary>The site's name, for the page's (visually hidden) heading.</summary>
    public required string SiteName { get; init; }

    public override bool ShowBreadcrumb => false;
}

/// <summary>A menu section on the home page with its newest articles.</summary>
public sealed record HomeSectionBlock(SectionNode Section, IReadOnlyList<ArticleListItem> Articles);
