using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>Asks a portal's search as a reader would, and waits (bounded) for the index to follow the store.</summary>
internal static class SearchProbe
{
    /// <summary>
    /// How long a wait for the index to follow lasts before the test fails. The tests prove that the
    /// index follows by itself, not how fast: the 2-second target is a speed figure, for a benchmark.
    /// On a loaded 2-core CI machine a timed assertion fails by chance (a publish once took over 2 s
    /// to be found), so waits that must end are patient, and only "still not found" checks use
    /// <see cref="Deadline"/>.
    /// </summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a change may take to reach search (the target), so how long a "still not found" check waits.</summary>
    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(2);

    public static Task<SearchResults> SearchAsync(PortalFactory factory, SearchRequest request) =>
        factory.WithScopeAsync(services => services.GetRequiredService<SearchService>().SearchAsync(request));

    /// <summary>The URL keys of the first page of results for <paramref name="query"/>.</summary>
    public static async Task<IReadOnlyList<string>> KeysAsync(PortalFactory factory, string query) =>
        (await SearchAsync(factory, new SearchRequest(query))).Hits.Items.Select(h => h.UrlKey).ToList();

    /// <summary>
    /// Polls until <paramref name="condition"/> holds for the keys found for <paramref name="query"/>,
    /// or <paramref name="timeout"/> passes; returns how long it took, or null when it never held.
    /// </summary>
    public static async Task<TimeSpan?> UntilAsync(PortalFactory factory, string query, Func<IReadOnlyList<string>, bool> condition, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        var limit = timeout ?? Patience;
        while (true)
        {
            if (condition(await KeysAsync(factory, query)))
            {
                return watch.Elapsed;
            }

            if (watch.Elapsed > limit)
            {
                return null;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Polls until the number of matches the index counts for <paramref name="query"/> (not only
    /// those the store still shows) satisfies <paramref name="condition"/>; how long it took, or null.
    /// </summary>
    public static async Task<TimeSpan?> UntilTotalAsync(PortalFactory factory, string query, Func<int, bool> condition, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        while (!condition((await SearchAsync(factory, new SearchRequest(query))).TotalFound))
        {
            if (watch.Elapsed > (timeout ?? Patience))
            {
                return null;
            }

            await Task.Delay(50);
        }

        return watch.Elapsed;
    }

    /// <summary>Waits until the index accounts for every change-log row written so far (for set-ups, not for the 2-second figure).</summary>
    public static async Task CaughtUpAsync(PortalFactory factory, TimeSpan? timeout = null)
    {
        var last = await factory.WithDbAsync(async db => await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(db.ContentChanges, c => (long?)c.Id) ?? 0);
        var indexer = factory.Services.GetRequiredService<SearchIndexer>();
        var index = factory.Services.GetRequiredService<SearchIndex>();
        var watch = Stopwatch.StartNew();
        while (indexer.Position < last || index.NeedsBuild || !index.IsOpen || index.IsBuilding)
        {
            Assert.True(watch.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)), $"The search index did not catch up with change {last} (at {indexer.Position}).");
            await Task.Delay(50);
        }
    }
}
