using Portal.Core.Articles;
using Portal.Core.Inspection;

namespace Portal.Web.Areas.Admin.Models;

public sealed class DashboardViewModel
{
    public required DashboardCounts Counts { get; init; }

    public required IReadOnlyList<ReviewQueueItem> AwaitingReview { get; init; }

    public required IReadOnlyList<ArticleWorkItem> MyOpenWork { get; init; }

    public required bool CanReview { get; init; }

    /// <summary>Now (UTC), for the 待审 list's waiting times.</summary>
    public required DateTime Now { get; init; }

    /// <summary>The newest stored inspection run's counts (否决风险, 警告); null when the site was never inspected.</summary>
    public InspectionSummary? Inspection { get; init; }

    /// <summary>What the server's settings lack for production (<c>DeploymentChecks</c>), shown to administrators.</summary>
    public IReadOnlyList<string> DeploymentFindings { get; init; } = [];

    /// <summary>How long <paramref name="item"/> has waited: 已等待 3 小时.</summary>
    public string Waiting(ReviewQueueItem item) => ReviewLevelNames.Waiting(Now - item.WaitingSince);
}
