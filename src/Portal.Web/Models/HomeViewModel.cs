using Portal.Core.Home;

namespace Portal.Web.Models;

/// <summary>首页: its blocks in order, none of them empty.</summary>
public sealed class HomeViewModel : PageViewModel
{
    public required IReadOnlyList<HomePageBlock> Blocks { get; init; }

    /// <summary>The site's name, for the page's (visually hidden) heading.</summary>
    public required string SiteName { get; init; }

    public override bool ShowBreadcrumb => false;
}
