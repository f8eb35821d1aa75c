using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Sections;

namespace Portal.Core.Search;

/// <summary>
/// Follows the change log (<see cref="ContentChange"/>) into this server's <see cref="SearchIndex"/>.
/// Each pass reads the rows after the last one it saw, re-reads the articles they name from the
/// store (so applying a row twice does no harm) and commits the index together with the position
/// it reached; a restart resumes from that commit, a missing or unreadable index is built from the
/// store first. Ids that a still-open transaction took (and commits later) are waited for up to
/// <see cref="SearchOptions.GapSeconds"/>. A singleton, driven by one background loop.
/// </summary>
public sealed class SearchIndexer(SearchIndex index, IOptions<SearchOptions> options, ILogger<SearchIndexer> logger)
{
    /// <summary>Change rows read per pass at most; the next pass takes the rest.</summary>
    public const int BatchSize = 1000;

    /// <summary>Articles read from the store per batch of a rebuild.</summary>
    public const int BuildBatchSize = 500;

    /// <summary>
    /// After a build from the store, the last rows of the log before it are applied again: a
    /// transaction that was committing while the build started is not missed.
    /// </summary>
    public const int BuildLookback = 1000;

    /// <summary>The widest run of missing ids that is waited for.</summary>
    private const int MaxTrackedGap = 10_000;

    private readonly Dictionary<long, long> _missing = [];
    private long _maxSeen;
    private bool _resumed;

    /// <summary>The last change-log id the index accounts for (every id up to it is applied or given up on).</summary>
    public long Position => index.Position;

    /// <summary>
    /// One pass: open the index (building it if needed), apply the new change rows, commit.
    /// Returns how many change rows it applied; 0 when there was nothing to do or another
    /// process owns the index (whose commits it then merely reads).
    /// </summary>
    public async Task<int> RunPassAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (!index.EnsureWritable())
        {
            index.Refresh();
            return 0;
        }

        var lastId = await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        if (!_resumed || index.NeedsBuild)
        {
            _resumed = true;
            _maxSeen = index.Position;
            _missing.Clear();

            // A position past the end of the log: the index followed another store (a restore
            // into a new database, another data folder's index): start again from this store.
            if (index.NeedsBuild || index.Position > lastId)
            {
                await BuildAsync(db, lastId, cancellationToken);
                return 0;
            }
        }

        var rows = await db.ContentChanges.AsNoTracking()
            .Where(c => c.Id > _maxSeen)
            .OrderBy(c => c.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (_missing.Count > 0)
        {
            var lowest = _missing.Keys.Min();
            var highest = _missing.Keys.Max();
            var late = await db.ContentChanges.AsNoTracking()
                .Where(c => c.Id >= lowest && c.Id <= highest)
                .ToListAsync(cancellationToken);
            rows.AddRange(late.Where(c => _missing.Remove(c.Id)));
        }

        // Waiting for a gap is real time, whatever clock the site's dates follow.
        var now = Stopwatch.GetTimestamp();
        foreach (var row in rows.Where(r => r.Id > _maxSeen).OrderBy(r => r.Id))
        {
            // Ids a transaction holds are a handful; a jump of thousands is an identity cache that
            // skipped ahead (SQL Server does after a restart): nothing will ever fill it.
            if (row.Id - _maxSeen <= MaxTrackedGap)
            {
                for (var id = _maxSeen + 1; id < row.Id; id++)
                {
                    _missing.TryAdd(id, now);
                }
            }

            _maxSeen = row.Id;
        }

        var waited = TimeSpan.FromSeconds(options.Value.GapSeconds);
        foreach (var id in _missing.Where(m => Stopwatch.GetElapsedTime(m.Value) > waited).Select(m => m.Key).ToList())
        {
            _missing.Remove(id);
            logger.LogWarning("Change-log id {ChangeId} never appeared within {GapSeconds} s; the search index goes on without it", id, options.Value.GapSeconds);
        }

        if (rows.Count == 0 && _missing.Count == 0 && index.Position == _maxSeen)
        {
            return 0;
        }

        if (rows.Any(r => r.Kind == ContentChangeKind.All && r.Id > index.BuiltThrough))
        {
            await BuildAsync(db, _maxSeen, cancellationToken);
        }
        else
        {
            await ApplyAsync(db, rows, cancellationToken);
        }

        // Searchers see the changes before the position says they are applied.
        index.Refresh();
        var position = _missing.Count > 0 ? _missing.Keys.Min() - 1 : _maxSeen;
        index.Commit(position, index.Generation, index.BuiltThrough);
        return rows.Count;
    }

    /// <summary>
    /// Rebuilds the index from the store: every indexable article is written again under a new
    /// generation and what the old ones held beyond that is removed, so searches keep answering
    /// from the old documents until the new ones replace them. Returns the number of articles.
    /// </summary>
    public async Task<int> RebuildAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (!index.EnsureWritable())
        {
            throw new InvalidOperationException($"The search index at {index.Path} is in use by another process.");
        }

        _resumed = true;
        var lastId = await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        return await BuildAsync(db, lastId, cancellationToken);
    }

    private async Task<int> BuildAsync(PortalDbContext db, long lastId, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        index.IsBuilding = true;
        try
        {
            var generation = index.Generation + 1;
            var sections = await SectionTree.LoadAsync(db, cancellationToken);
            var count = 0;
            var afterId = 0;
            while (true)
            {
                var batch = await SearchDocuments.IndexableAfterAsync(db, afterId, BuildBatchSize, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                // Analysis (Chinese segmentation) is the cost: both cores share it.
                Parallel.ForEach(batch, new ParallelOptions { CancellationToken = cancellationToken }, article =>
                {
                    if (SearchDocuments.Build(article, sections, generation) is { } document)
                    {
                        index.Upsert(article.UrlKey, document);
                    }
                    else
                    {
                        index.Delete(article.UrlKey);
                    }
                });
                count += batch.Count;
                afterId = batch[^1].Id;

                // A first build shows results as they come; a rebuild's old documents answer meanwhile.
                index.Refresh();
            }

            index.DeleteOlderThan(generation);
            index.Refresh();
            var position = Math.Max(0, lastId - BuildLookback);
            index.Commit(position, generation, builtThrough: lastId);
            _maxSeen = position;
            _missing.Clear();
            logger.LogInformation("Built the search index from the store: {Count} articles in {Seconds:F1} s", count, watch.Elapsed.TotalSeconds);
            return count;
        }
        finally
        {
            index.IsBuilding = false;
        }
    }

    /// <summary>Re-reads what the rows name and writes it to the index: indexable articles replaced, the rest removed.</summary>
    private async Task ApplyAsync(PortalDbContext db, IReadOnlyList<ContentChange> rows, CancellationToken cancellationToken)
    {
        var keys = rows.Where(r => r.Kind == ContentChangeKind.Article && r.Key is not null).Select(r => r.Key!).ToHashSet(StringComparer.Ordinal);
        var sections = await SectionTree.LoadAsync(db, cancellationToken);
        var sectionIds = rows.Where(r => r.Kind == ContentChangeKind.Section)
            .Select(r => int.TryParse(r.Key, System.Globalization.CultureInfo.InvariantCulture, out var id) ? sections.Find(id) : null)
            .OfType<SectionNode>()
            .SelectMany(SectionTree.SelfAndDescendantIds)
            .ToHashSet();
        if (sectionIds.Count > 0)
        {
            keys.UnionWith(await SearchDocuments.KeysInSectionsAsync(db, sectionIds, cancellationToken));
        }

        foreach (var chunk in keys.Chunk(BuildBatchSize))
        {
            var articles = await SearchDocuments.IndexableByKeysAsync(db, chunk, cancellationToken);
            var found = articles.ToDictionary(a => a.UrlKey, StringComparer.Ordinal);
            foreach (var key in chunk)
            {
                if (found.TryGetValue(key, out var article) && SearchDocuments.Build(article, sections, index.Generation) is { } document)
                {
                    index.Upsert(key, document);
                }
                else
                {
                    index.Delete(key);
                }
            }
        }
    }
}
