using Microsoft.Extensions.Options;
using Portal.Core.Search;

namespace Portal.Web.Hosting;

/// <summary>
/// Runs <see cref="SearchIndexer.RunPassAsync"/> in the background from start-up on: the first pass
/// builds a missing or unreadable index while the site already answers, later passes follow the
/// change log every <see cref="SearchOptions.PollMilliseconds"/> (at once again while rows wait).
/// </summary>
internal sealed class SearchIndexingService(
    IServiceScopeFactory scopes,
    SearchIndexer indexer,
    SearchIndex index,
    IOptions<SearchOptions> options,
    ILogger<SearchIndexingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up finish first: the host answers requests while the index is built.
        await Task.Yield();
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var applied = 0;
            try
            {
                if (options.Value.IndexerEnabled)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    applied = await indexer.RunPassAsync(scope.ServiceProvider.GetRequiredService<Portal.Core.Data.PortalDbContext>(), stoppingToken);
                }
                else
                {
                    // This server only reads: it follows what the writing process commits.
                    index.Refresh();
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass (database briefly away, disk full) must not stop indexing; the next pass retries from the last commit.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures++;
                logger.LogError(exception, "Search indexing failed ({Failures} in a row); retrying", failures);
            }

            if (applied < SearchIndexer.BatchSize)
            {
                try
                {
                    // Back off while failing (up to 30 s), so a database outage is not hammered.
                    await Task.Delay(failures == 0 ? poll : TimeSpan.FromSeconds(Math.Min(30, failures * 2)), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
