using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Sections;

namespace Portal.Core.Search;

/// <summary>
/// Follows the change log (<see cref="ContentChange"/>) into this server's <see cref="SearchIndex"/>.
/// Each pass reads the rows after the last one it saw, re-reads the articles they name from the
/// store (so applying a row twice does no harm) and commits the index together with the position
/// it reached; a restart, or a failed pass, resumes from that commit; a missing or unreadable
/// index is built from the store first. Ids that a still-open transaction took (and commits
/// later) are waited for up to <see cref="SearchOptions.GapSeconds"/>. A singleton, driven by one
/// background loop (or a verb): its passes never overlap.
/// </summary>
public sealed class SearchIndexer(SearchIndex index, IOptions<SearchOptions> options, ILogger<SearchIndexer> logger)
{
    /// <summary>Change rows read per pass at most; the next pass takes the rest.</summary>
    public const int BatchSize = 1000;

    /// <summary>Articles read from the store per batch of a build.</summary>
    public const int BuildBatchSize = 500;

    /// <summary>
    /// How far back from the end of the log a build looks for ids still held by open
    /// transactions (which it then waits for like any gap).
    /// </summary>
    public const int BuildLookback = 1000;

    /// <summary>More articles than this below a moved section are cheaper to rebuild than to follow one by one.</summary>
    public const int SectionRebuildThreshold = 50_000;

    /// <summary>
    /// The widest run of missing ids that is waited for. Ids a transaction holds are a handful; a
    /// wider jump is an identity cache that skipped ahead (SQL Server's does after a restart),
    /// which nothing will ever fill.
    /// </summary>
    public const int MaxTrackedGap = 1000;

    private readonly Dictionary<long, long> _missing = [];
    private long _maxSeen;
    private bool _resumed;

    /// <summary>The last change-log id the index accounts for (every id up to it is applied or given up on).</summary>
    public long Position => index.Position;

    /// <summary>
    /// One pass: open the index (building it if needed), apply the new change rows, commit.
    /// Returns how many change rows it read; 0 when there was nothing to do or another process
    /// owns the index (whose commits it then merely reads). When it fails, nothing it read counts
    /// as seen: the next pass starts again from the last commit.
    /// </summary>
    public async Task<int> RunPassAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (!index.EnsureWritable())
        {
            index.Refresh();
            return 0;
        }

        try
        {
            return await PassAsync(db, cancellationToken);
        }
        catch
        {
            _resumed = false;
            throw;
        }
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

        try
        {
            return await BuildAsync(db, cancellationToken);
        }
        catch
        {
            _resumed = false;
            throw;
        }
    }

    private async Task<int> PassAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var lastId = await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        if (!_resumed)
        {
            _resumed = true;
            _maxSeen = index.Position;
            _missing.Clear();
        }

        // A new or unreadable index; or a position past the end of the log: the index followed
        // another store (a restore into a new database, a data folder moved to another one).
        if (index.NeedsBuild || index.Position > lastId)
        {
            await BuildAsync(db, cancellationToken);
            return 0;
        }

        var rows = await db.ContentChanges.AsNoTracking()
            .Where(c => c.Id > _maxSeen)
            .OrderBy(c => c.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var late = new List<ContentChange>();
        if (_missing.Count > 0)
        {
            var waitedFor = _missing.Keys.ToList();
            late = await db.ContentChanges.AsNoTracking().Where(c => waitedFor.Contains(c.Id)).ToListAsync(cancellationToken);
        }

        // Waiting for a gap is real time, whatever clock the site's dates follow.
        var now = Stopwatch.GetTimestamp();
        var missing = new Dictionary<long, long>(_missing);
        foreach (var row in late)
        {
            missing.Remove(row.Id);
        }

        var maxSeen = _maxSeen;
        foreach (var row in rows)
        {
            if (row.Id - maxSeen <= MaxTrackedGap)
            {
                for (var id = maxSeen + 1; id < row.Id; id++)
                {
                    missing.TryAdd(id, now);
                }
            }

            maxSeen = row.Id;
        }

        var waited = TimeSpan.FromSeconds(options.Value.GapSeconds);
        var expired = missing.Where(m => Stopwatch.GetElapsedTime(m.Value) > waited).Select(m => m.Key).ToList();
        foreach (var id in expired)
        {
            missing.Remove(id);
        }

        if (expired.Count > 0)
        {
            logger.LogWarning("{Count} change-log id(s) from {FirstId} never appeared within {GapSeconds} s; the search index goes on without them", expired.Count, expired.Min(), options.Value.GapSeconds);
        }

        var position = missing.Count > 0 ? missing.Keys.Min() - 1 : maxSeen;
        var changes = rows.Concat(late).ToList();
        if (changes.Count == 0 && position == index.Position)
        {
            Remember(maxSeen, missing);
            return 0;
        }

        if (changes.Any(r => r.Kind == ContentChangeKind.All))
        {
            await BuildAsync(db, cancellationToken);
            return changes.Count;
        }

        if (!await ApplyAsync(db, changes, cancellationToken))
        {
            await BuildAsync(db, cancellationToken);
            return changes.Count;
        }

        // Searchers see the changes before the position says they are applied; only then is
        // what the pass read taken as seen.
        index.Refresh();
        index.Commit(position, index.Generation);
        Remember(maxSeen, missing);
        return changes.Count;
    }

    /// <summary>Takes what a pass read as seen (only once its work is committed).</summary>
    private void Remember(long maxSeen, Dictionary<long, long> missing)
    {
        _maxSeen = maxSeen;
        _missing.Clear();
        foreach (var (id, at) in missing)
        {
            _missing[id] = at;
        }
    }

    /// <summary>
    /// Writes every indexable article under a new generation, removes what older generations
    /// left, and commits at the end of the log as it was when the build began, waiting (like any
    /// gap) for the ids near that end that open transactions still held then.
    /// </summary>
    private async Task<int> BuildAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();

        // What the log held when the build began: everything visible then is in the build.
        var lastId = await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        var from = Math.Max(0, lastId - BuildLookback);
        var visible = (await db.ContentChanges.AsNoTracking().Where(c => c.Id > from).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();

        index.IsBuilding = true;
        try
        {
            var generation = index.Generation + 1;
            var sections = await SectionTree.LoadAsync(db, cancellationToken);
            var count = 0;
            var afterId = 0;
            while (true)
            {
                var (lastRead, batch) = await SearchDocuments.BatchAfterAsync(db, afterId, BuildBatchSize, cancellationToken);
                if (lastRead == afterId)
                {
                    break;
                }

                // Analysis (Chinese segmentation) is the cost: both cores share it.
                Parallel.ForEach(batch, new ParallelOptions { CancellationToken = cancellationToken }, article => Write(article, sections, generation));
                count += batch.Count;
                afterId = lastRead;

                // A first build shows results as they come; a rebuild's old documents answer meanwhile.
                index.Refresh();
            }

            index.DeleteOlderThan(generation);
            index.Refresh();
            var now = Stopwatch.GetTimestamp();
            _missing.Clear();
            for (var id = from + 1; id <= lastId; id++)
            {
                if (!visible.Contains(id))
                {
                    _missing[id] = now;
                }
            }

            _maxSeen = lastId;
            _resumed = true;
            index.Commit(_missing.Count > 0 ? _missing.Keys.Min() - 1 : lastId, generation);
            logger.LogInformation("Built the search index from the store: {Count} articles in {Seconds:F1} s", count, watch.Elapsed.TotalSeconds);
            return count;
        }
        finally
        {
            index.IsBuilding = false;
        }
    }

    /// <summary>
    /// Re-reads what the rows name and writes it to the index: indexable articles replaced, the
    /// rest removed. False when a section change reaches so many articles that a build is cheaper.
    /// </summary>
    private async Task<bool> ApplyAsync(PortalDbContext db, IReadOnlyList<ContentChange> rows, CancellationToken cancellationToken)
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
            if (await SearchDocuments.CountInSectionsAsync(db, sectionIds, cancellationToken) > SectionRebuildThreshold)
            {
                return false;
            }

            keys.UnionWith(await SearchDocuments.KeysInSectionsAsync(db, sectionIds, cancellationToken));
        }

        foreach (var chunk in keys.Chunk(BuildBatchSize))
        {
            var articles = await SearchDocuments.IndexableByKeysAsync(db, chunk, cancellationToken);
            var found = articles.ToDictionary(a => a.UrlKey, StringComparer.Ordinal);
            foreach (var key in chunk)
            {
                if (found.TryGetValue(key, out var article))
                {
                    Write(article, sections, index.Generation);
                }
                else
                {
                    index.Delete(key);
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Writes one article's document (or removes it when it has no place). An article Lucene
    /// refuses (a term longer than it allows, say) is logged and left out, never allowed to stop
    /// the indexing of all the others.
    /// </summary>
    private void Write(Article article, SectionTree sections, int generation)
    {
        try
        {
            if (SearchDocuments.Build(article, sections, generation) is { } document)
            {
                index.Upsert(article.UrlKey, document);
            }
            else
            {
                index.Delete(article.UrlKey);
            }
        }
        catch (ArgumentException exception)
        {
            logger.LogError(exception, "Article {ArticleId} could not be indexed and is left out of search", article.Id);
            index.Delete(article.UrlKey);
        }
    }
}
