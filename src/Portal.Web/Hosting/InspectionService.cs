using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Inspection;

namespace Portal.Web.Hosting;

/// <summary>
/// Runs and stores the inspection in the background (never on a reader's request): once at
/// start-up, again when the newest stored run is <see cref="InspectionOptions.IntervalHours"/>
/// old, and <see cref="InspectionOptions.ChangeDelaySeconds"/> after the newest row of the
/// content change log (the one the search indexer follows) that the last run had not seen, so a
/// burst of edits is inspected once; an audited edit that writes no content change (settings, footer,
/// home layout, scheduled publishing, <see cref="InspectionTriggers"/>) counts as well. External links are asked only here, and only with
/// <see cref="InspectionOptions.CheckExternalLinks"/>. Off with <c>Inspection:Enabled=false</c>.
/// </summary>
internal sealed class InspectionService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<InspectionOptions> options,
    ILogger<InspectionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        // Let start-up finish first: the site answers while the first run works.
        await Task.Yield();
        long? seen = null;
        long? seenEdit = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var newest = await db.ContentChanges.AsNoTracking().OrderByDescending(c => c.Id)
                    .Select(c => new { c.Id, c.At }).FirstOrDefaultAsync(stoppingToken);

                // Settings, footer, home layout, section types, alt text and scheduled publishing
                // write no content change but are audited: the newest such entry counts as a change too.
                var newestEdit = await db.AuditEntries.AsNoTracking()
                    .Where(InspectionTriggers.IsTrigger)
                    .OrderByDescending(a => a.Id)
                    .Select(a => new { a.Id, a.At }).FirstOrDefaultAsync(stoppingToken);
                var lastRun = await db.InspectionRuns.AsNoTracking().MaxAsync(r => (DateTime?)r.FinishedAt, stoppingToken);
                var now = time.GetUtcNow().UtcDateTime;

                var startUp = seen is null;
                var delay = TimeSpan.FromSeconds(settings.ChangeDelaySeconds);
                var changed = (newest is not null && newest.Id > (seen ?? 0) && now - newest.At >= delay)
                    || (newestEdit is not null && newestEdit.Id > (seenEdit ?? 0) && now - newestEdit.At >= delay);
                var due = lastRun is null || now - lastRun.Value >= TimeSpan.FromHours(settings.IntervalHours);
                if (startUp || changed || due)
                {
                    var recorder = scope.ServiceProvider.GetRequiredService<InspectionRecorder>();
                    var run = await recorder.TryRecordAsync(settings.CheckExternalLinks ?? false, audited: false, stoppingToken);

                    // Busy with a 重新检查: the next look tries again.
                    if (run is not null)
                    {
                        seen = newest?.Id ?? 0;
                        seenEdit = newestEdit?.Id ?? 0;
                        logger.LogInformation("Inspection run {RunId}: {Vetoes} veto, {Warnings} warning, {Infos} info finding(s)", run.Id, run.VetoCount, run.WarningCount, run.InfoCount);
                    }
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed run (database briefly away) must not stop the background inspection; the next look retries.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures++;
                logger.LogError(exception, "Inspection run failed ({Failures} in a row); retrying", failures);
            }

            try
            {
                // Back off while failing (up to 5 min), so a database outage is not hammered.
                await Task.Delay(failures == 0 ? TimeSpan.FromMilliseconds(settings.PollMilliseconds) : TimeSpan.FromSeconds(Math.Min(300, failures * 10)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
