using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Audit;
using Portal.Core.Inspection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Inspection;

/// <summary>Stored runs: findings and counts in one run, the newest few kept, one run at a time.</summary>
public sealed class InspectionRecorderTests : IDisposable
{
    private readonly PortalFactory _factory = PortalFactory.Empty(new Dictionary<string, string?> { ["Inspection:KeepRuns"] = "3" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Record_StoresFindingsAndCounts_KeepsTheNewestRuns()
    {
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var run = await _factory.WithScopeAsync(sp => sp.GetRequiredService<InspectionRecorder>().TryRecordAsync(checkExternal: false, audited: false));
            ids.Add(Assert.IsType<InspectionRun>(run).Id);
        }

        var (runs, findingRuns, audits) = await _factory.WithDbAsync(async db => (
            await db.InspectionRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync(),
            await db.InspectionFindings.AsNoTracking().Select(f => f.RunId).Distinct().ToListAsync(),
            await db.AuditEntries.CountAsync(e => e.Action == AuditActions.InspectionRun)));

        Assert.Equal(ids.TakeLast(3), runs.Select(r => r.Id));
        Assert.Equal(ids.TakeLast(3).Order(), findingRuns.Order());
        var last = runs[^1];

        // The empty store: no home-page item (veto) and identity items missing (warnings).
        Assert.True(last.VetoCount >= 1);
        Assert.True(last.WarningCount >= 1);
        var stored = await _factory.WithDbAsync(db => db.InspectionFindings.Where(f => f.RunId == last.Id).ToListAsync());
        Assert.Equal(last.VetoCount, stored.Count(f => f.Level == InspectionLevel.Veto));
        Assert.Equal(last.WarningCount, stored.Count(f => f.Level == InspectionLevel.Warning));
        Assert.Contains(stored, f => f.Rule == "home-stale" && f.Url == "/admin/articles/create");
        Assert.Equal(0, audits);
    }

    [Fact]
    public async Task Record_WhileAnotherRunHoldsTheGate_RefusedAndNothingStored()
    {
        var gate = _factory.Services.GetRequiredService<InspectionGate>();
        using (gate.TryEnter())
        {
            var run = await _factory.WithScopeAsync(sp => sp.GetRequiredService<InspectionRecorder>().TryRecordAsync(checkExternal: false, audited: true));
            Assert.Null(run);
        }

        Assert.Equal(0, await _factory.WithDbAsync(db => db.InspectionRuns.CountAsync()));
        Assert.NotNull(await _factory.WithScopeAsync(sp => sp.GetRequiredService<InspectionRecorder>().TryRecordAsync(checkExternal: false, audited: true)));
    }
}
