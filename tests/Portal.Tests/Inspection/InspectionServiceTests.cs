using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Inspection;
using Portal.Core.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Inspection;

/// <summary>
/// The background inspection (short intervals): a run at start-up, one after a content change once
/// the delay has passed, none while nothing changes, none at all when switched off.
/// </summary>
public sealed class InspectionServiceTests
{
    private static PortalFactory Factory(bool enabled) => PortalFactory.Empty(new Dictionary<string, string?>
    {
        ["Inspection:Enabled"] = enabled ? "true" : "false",
        ["Inspection:PollMilliseconds"] = "100",
        ["Inspection:ChangeDelaySeconds"] = "1",
    });

    [Fact]
    public async Task Service_RunsAtStartUpAndAfterAChange_NotWhileNothingChanges()
    {
        using var factory = Factory(enabled: true);
        _ = factory.Server;

        await WaitForRunsAsync(factory, 1);
        await Task.Delay(700);
        Assert.Equal(1, await RunCountAsync(factory));

        var changedAt = await factory.WithDbAsync(async db =>
        {
            var at = TimeProvider.System.GetUtcNow().UtcDateTime;
            ContentChangeRecorder.Add(db, ContentChangeKind.All, null, at);
            await db.SaveChangesAsync();
            return at;
        });

        var runs = await WaitForRunsAsync(factory, 2);

        // Debounced: not before the delay after the change.
        Assert.True(runs[^1].StartedAt >= changedAt.AddSeconds(1).AddMilliseconds(-50), $"ran at {runs[^1].StartedAt:O}, changed at {changedAt:O}");
        await Task.Delay(700);
        Assert.Equal(2, await RunCountAsync(factory));
    }

    [Fact]
    public async Task Service_RunsAfterAnAuditedEditWithoutContentChange_NotAfterASignIn()
    {
        using var factory = Factory(enabled: true);
        _ = factory.Server;
        await WaitForRunsAsync(factory, 1);

        // A sign-in changes nothing the rules read.
        await AddAuditAsync(factory, AuditActions.Login);
        await Task.Delay(1800);
        Assert.Equal(1, await RunCountAsync(factory));

        // 网站设置 writes no content change, but the identity rule reads it.
        await AddAuditAsync(factory, AuditActions.SettingsChange);
        await WaitForRunsAsync(factory, 2);
        await Task.Delay(700);
        Assert.Equal(2, await RunCountAsync(factory));
    }

    [Fact]
    public async Task Service_SwitchedOff_NeverRuns()
    {
        using var factory = Factory(enabled: false);
        _ = factory.Server;

        await Task.Delay(1000);

        Assert.Equal(0, await RunCountAsync(factory));
    }

    private static Task<int> AddAuditAsync(PortalFactory factory, string action) => factory.WithDbAsync(async db =>
    {
        db.AuditEntries.Add(new AuditEntry { At = TimeProvider.System.GetUtcNow().UtcDateTime, Action = action, UserName = "admin" });
        return await db.SaveChangesAsync();
    });

    private static Task<int> RunCountAsync(PortalFactory factory) => factory.WithDbAsync(db => db.InspectionRuns.CountAsync());

    private static async Task<List<InspectionRun>> WaitForRunsAsync(PortalFactory factory, int count)
    {
        for (var waited = 0; waited < 30_000; waited += 100)
        {
            var runs = await factory.WithDbAsync(db => db.InspectionRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync());
            if (runs.Count >= count)
            {
                return runs;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"fewer than {count} inspection run(s) after 30 s");
    }
}
