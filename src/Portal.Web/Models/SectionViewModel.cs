using Portal.Core.Articles;
using Portal.Core.Paging;
using Portal.Core.Sections;

namespace Portal.Web.Models;

/// <summary>A section's page: its sub-sections and one page of its (and their) articles.</summary>
public sealed class SectionViewModel : PageViewModel
{
    public required SectionNode Section { get; init; }

    public required PagedList<ArticleListItem> Articles { get; init; }
}
