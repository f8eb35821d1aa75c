using Portal.Core.Sections;

namespace Portal.Web.Models;

/// <summary>
/// What the layout needs from every page: its title, where it sits in the site (for the menu's
/// <c>aria-current</c> and the breadcrumb) and its monitoring meta tags. Each page's view model
/// derives from it, so the layout is typed and no page data travels in ViewData.
/// </summary>
public abstract class PageViewModel
{
    /// <summary>The page's own title; the layout appends the site name. Null on the home page.</summary>
    public string? Title { get; init; }

    /// <summary>The section the page belongs to, if any.</summary>
    public SectionNode? CurrentSection { get; init; }

    /// <summary>Whether the page is the current section's own page (not an article in it).</summary>
    public bool IsSectionPage => this is SectionViewModel;

    /// <summary>
    /// The last breadcrumb item for a page outside sections (联系我们): its title. Section and
    /// article pages end with their section path instead.
    /// </summary>
    public virtual string? BreadcrumbTail => CurrentSection is null ? Title : null;

    /// <summary>Whether the layout shows the 当前位置 breadcrumb.</summary>
    public virtual bool ShowBreadcrumb => true;

    /// <summary>Meta tags read by national monitoring (ColumnName, ArticleTitle, PubDate…).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Meta { get; init; } = [];
}
