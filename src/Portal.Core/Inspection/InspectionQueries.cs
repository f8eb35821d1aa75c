using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Inspection;

/// <summary>The stored inspection runs as the admin area reads them: never computed on request.</summary>
public sealed class InspectionQueries(PortalDbContext db)
{
    /// <summary>The newest run's time and counts; null when the site was never inspected.</summary>
    public Task<InspectionSummary?> LastSummaryAsync(CancellationToken cancellationToken = default) =>
        db.InspectionRuns.AsNoTracking().OrderByDescending(r => r.Id)
            .Select(r => new InspectionSummary(r.FinishedAt, r.VetoCount, r.WarningCount, r.InfoCount))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The newest run's findings, worst first, in the order the run stored them; null when never inspected.</summary>
    public async Task<(InspectionSummary Summary, IReadOnlyList<Finding> Findings)?> LastRunAsync(CancellationToken cancellationToken = default)
    {
        var run = await db.InspectionRuns.AsNoTracking().OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, Summary = new InspectionSummary(r.FinishedAt, r.VetoCount, r.WarningCount, r.InfoCount) })
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return null;
        }

        var findings = await db.InspectionFindings.AsNoTracking().Where(f => f.RunId == run.Id).OrderBy(f => f.Id)
            .Select(f => new Finding(f.Rule, f.Level, f.Subject, f.Message, f.Url))
            .ToListAsync(cancellationToken);
        return (run.Summary, findings.OrderBy(f => f.Level).ToList());
    }
}
