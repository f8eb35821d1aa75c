using Portal.Core.Articles;
using Portal.Core.Paging;
using Portal.Core.Sections;

namespace Portal.Web.Models;

/// <summary>A section's page: its sub-sections and one page of its (and their) articles.</summary>
public sealed class SectionViewModel : PageViewModel
{
    /// <summary>The section shown: the page's <see cref="PageViewModel.CurrentSection"/>, which it sets.</summary>
    public required SectionNode Section
    {
        get => CurrentSection!;
        init => CurrentSection = value;
    }

    public required PagedList<ArticleListItem> Articles { get; init; }
}
