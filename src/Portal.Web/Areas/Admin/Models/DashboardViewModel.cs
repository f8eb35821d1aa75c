using Portal.Core.Articles;

namespace Portal.Web.Areas.Admin.Models;

public sealed class DashboardViewModel
{
    public required IReadOnlyDictionary<ArticleStatus, int> Counts { get; init; }

    public required IReadOnlyList<ArticleWorkItem> AwaitingReview { get; init; }

    public required IReadOnlyList<ArticleWorkItem> MyOpenWork { get; init; }

    public required bool CanReview { get; init; }

    /// <summary>What the server's settings lack for production (<c>DeploymentChecks</c>), shown to administrators.</summary>
    public IReadOnlyList<string> DeploymentFindings { get; init; } = [];
}
