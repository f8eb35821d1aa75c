using Portal.Core.Inspection;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>网站检查: the newest stored run.</summary>
public sealed class InspectionViewModel
{
    /// <summary>The newest run's time and counts; null when the site was never inspected.</summary>
    public required InspectionSummary? Summary { get; init; }

    /// <summary>The newest run's findings, worst first.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Whether a run is going on in this process now.</summary>
    public required bool Running { get; init; }

    /// <summary>The levels in the order the page shows them, with their headings.</summary>
    public static IReadOnlyList<(InspectionLevel Level, string Name, string Id)> Levels { get; } =
    [
        (InspectionLevel.Veto, "否决风险", "level-veto"),
        (InspectionLevel.Warning, "警告", "level-warning"),
        (InspectionLevel.Info, "提示", "level-info"),
    ];

    /// <summary>The findings of one level, in stored order.</summary>
    public IReadOnlyList<Finding> Of(InspectionLevel level) => Findings.Where(f => f.Level == level).ToList();
}
