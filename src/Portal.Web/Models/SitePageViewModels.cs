using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Web.Models;

/// <summary>联系我们: the site's contact details from the settings.</summary>
public sealed class ContactViewModel : PageViewModel
{
    public required SiteIdentity Identity { get; init; }
}

/// <summary>网站地图: every section, as a tree.</summary>
public sealed class SiteMapViewModel : PageViewModel
{
    public required IReadOnlyList<SectionNode> Roots { get; init; }
}

/// <summary>A friendly error page.</summary>
public sealed class ErrorViewModel : PageViewModel
{
    public required int StatusCode { get; init; }

    public override bool ShowBreadcrumb => false;
}
