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
    public virtual bool IsSectionPage => this is SectionViewModel;

    /// <summary>
    /// The last breadcrumb item for a page outside sections (联系我们): its title. Section and
    /// article pages end with their section path instead.
    /// </summary>
    public virtual string? BreadcrumbTail => CurrentSection is null ? Title : null;

    /// <summary>Whether the layout shows the 当前位置 breadcrumb.</summary>
    public virtual bool ShowBreadcrumb => true;

    /// <summary>
    /// The page's own meta tags read by national monitoring (ColumnName, ArticleTitle, PubDate…),
    /// from <see cref="MonitoringMeta"/>; the page head adds the site's.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Meta { get; init; } = [];

    /// <summary>
    /// The page's own address as the site routes it, path and query (<c>/xinwen?page=2</c>): the
    /// canonical link and og:url, made absolute by the page head. Null for pages that are not
    /// an address of their own (error pages).
    /// </summary>
    public string? CanonicalPath { get; init; }

    /// <summary>The <c>&lt;meta name="description"&gt;</c> text; null (no tag) when the page has nothing sensible to say.</summary>
    public string? Description { get; init; }

    /// <summary>The Open Graph tags of an article page; null on other pages.</summary>
    public OpenGraphArticle? OpenGraph { get; init; }

    /// <summary>Whether search engines are told to keep the page out of their index (<c>robots: noindex</c>): previews.</summary>
    public bool NoIndex { get; init; }
}
