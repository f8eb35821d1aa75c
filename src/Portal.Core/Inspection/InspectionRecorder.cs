using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Data;

namespace Portal.Core.Inspection;

/// <summary>
/// Runs every inspection rule (<see cref="SiteInspector"/> and <see cref="BrokenLinkRule"/>) and
/// stores the run with its findings and counts in one transaction, keeping the newest
/// <see cref="InspectionOptions.KeepRuns"/> runs. One run at a time (<see cref="InspectionGate"/>).
/// </summary>
public sealed class InspectionRecorder(
    PortalDbContext db,
    SiteInspector inspector,
    BrokenLinkRule brokenLinks,
    InspectionGate gate,
    AuditLog audit,
    TimeProvider time,
    IOptions<InspectionOptions> options)
{
    /// <summary>Every rule's findings now, vetoes first; nothing is stored. External links are asked over the network only with <paramref name="checkExternal"/>.</summary>
    public async Task<IReadOnlyList<Finding>> InspectAsync(bool checkExternal, CancellationToken cancellationToken = default)
    {
        var findings = (await inspector.RunAsync(cancellationToken)).ToList();
        findings.AddRange(await brokenLinks.FindAsync(checkExternal, cancellationToken));
        return findings.OrderBy(f => f.Level).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Runs and stores an inspection, audited as <see cref="AuditActions.InspectionRun"/> when
    /// <paramref name="audited"/> (a person asked for it); null, with nothing run, while another
    /// run is going on in this process.
    /// </summary>
    public async Task<InspectionRun?> TryRecordAsync(bool checkExternal, bool audited, CancellationToken cancellationToken = default)
    {
        using var entered = gate.TryEnter();
        if (entered is null)
        {
            return null;
        }

        var startedAt = time.GetUtcNow().UtcDateTime;
        var findings = await InspectAsync(checkExternal, cancellationToken);
        var finishedAt = time.GetUtcNow().UtcDateTime;
        return await db.InTransactionAsync(async () =>
        {
            // A retried unit starts again from nothing (the execution strategy may run it twice).
            db.ChangeTracker.Clear();
            var run = NewRun(findings, startedAt, finishedAt);
            db.InspectionRuns.Add(run);
            if (audited)
            {
                audit.Add(AuditActions.InspectionRun, details:
                    string.Create(CultureInfo.InvariantCulture, $"否决风险 {run.VetoCount}，警告 {run.WarningCount}，提示 {run.InfoCount}"));
            }

            await db.SaveChangesAsync(cancellationToken);

            // The newest runs stay; older ones go with their findings.
            var oldest = await db.InspectionRuns.OrderByDescending(r => r.Id).Skip(options.Value.KeepRuns).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            if (oldest > 0)
            {
                await db.InspectionFindings.Where(f => f.RunId <= oldest).ExecuteDeleteAsync(cancellationToken);
                await db.InspectionRuns.Where(r => r.Id <= oldest).ExecuteDeleteAsync(cancellationToken);
            }

            return run;
        }, cancellationToken: cancellationToken);
    }

    private static InspectionRun NewRun(IReadOnlyList<Finding> findings, DateTime startedAt, DateTime finishedAt) => new()
    {
        StartedAt = startedAt,
        FinishedAt = finishedAt,
        VetoCount = findings.Count(f => f.Level == InspectionLevel.Veto),
        WarningCount = findings.Count(f => f.Level == InspectionLevel.Warning),
        InfoCount = findings.Count(f => f.Level == InspectionLevel.Info),
        Findings = findings.Select(f => new InspectionFinding
        {
            Rule = f.Rule,
            Level = f.Level,
            Subject = AuditLog.Truncate(f.Subject, FieldLengths.Title),
            Message = AuditLog.Truncate(f.Message, FieldLengths.AuditDetails),
            Url = AuditLog.Truncate(f.Url, FieldLengths.Url),
        }).ToList(),
    };
}
