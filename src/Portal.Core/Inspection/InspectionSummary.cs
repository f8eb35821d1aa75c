namespace Portal.Core.Inspection;

/// <summary>A stored run in numbers: when it finished (UTC) and how many findings of each level it had.</summary>
public sealed record InspectionSummary(DateTime FinishedAt, int VetoCount, int WarningCount, int InfoCount);
