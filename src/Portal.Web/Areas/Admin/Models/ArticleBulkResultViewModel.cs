using Portal.Core.Articles;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>The result page of a bulk action.</summary>
public sealed class ArticleBulkResultViewModel
{
    public required ArticleBulkResult Result { get; init; }

    /// <summary>The list the action was started from, with its filters (a local <c>/admin/articles</c> address only).</summary>
    public required string ReturnUrl { get; init; }
}
