using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Directory = System.IO.Directory;

namespace Portal.Core.Search;

/// <summary>
/// The Lucene index of this server (one folder, <see cref="SearchOptions.IndexPath"/>): the
/// writer, the searchers that read it, and what its last commit says (format, how far into the
/// change log it got, which rebuild wrote it). A singleton. Only the indexer writes; any number
/// of requests search at once. When another process holds the folder's write lock, this server
/// searches the index read-only and tries for the lock again on each pass.
/// </summary>
public sealed class SearchIndex(string path, ILogger<SearchIndex> logger) : IDisposable
{
    /// <summary>
    /// The shape of the documents and the analyzer. An index committed with another version is
    /// rebuilt at start-up; change it with every change to fields or analysis.
    /// </summary>
    public const int FormatVersion = 1;

    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private const string FormatKey = "format";
    private const string PositionKey = "position";
    private const string GenerationKey = "generation";

    private readonly System.Threading.Lock _gate = new();
    private FSDirectory? _directory;
    private IndexWriter? _writer;
    private ReferenceManager<IndexSearcher>? _searchers;
    private bool _disposed;
    private long _nextReadOnlyAttempt;

    /// <summary>
    /// How matches are scored: BM25, whose term-frequency saturation and gentler length
    /// normalisation suit long government reports better than Lucene 4's classic TF-IDF (which
    /// buries a long report that names a subject twenty times under short notes naming it once).
    /// The same at index time (norms) and search time.
    /// </summary>
    internal static Lucene.Net.Search.Similarities.Similarity Ranking { get; } = new Lucene.Net.Search.Similarities.BM25Similarity();

    /// <summary>The analyzer of words, in the index and in queries: SmartCn's word segmentation of Chinese.</summary>
    public Analyzer Analyzer { get; } = new SmartChineseAnalyzer(Version);

    /// <summary>The analyzer of character pairs (<see cref="SearchFields.TitleChars"/>, <see cref="SearchFields.BodyChars"/>).</summary>
    public Analyzer CharacterAnalyzer { get; } = new CJKAnalyzer(Version);

    /// <summary>What the writer analyses each field with.</summary>
    private Analyzer FieldAnalyzer => _fieldAnalyzer ??= new PerFieldAnalyzerWrapper(Analyzer, new Dictionary<string, Analyzer>
    {
        [SearchFields.TitleChars] = CharacterAnalyzer,
        [SearchFields.BodyChars] = CharacterAnalyzer,
    });

    private Analyzer? _fieldAnalyzer;

    /// <summary>The index folder.</summary>
    public string Path => path;

    /// <summary>Whether this server owns the writer (false: another process does, or the index is not open yet).</summary>
    public bool IsWritable => _writer is not null;

    /// <summary>Whether the index must be built from the store before it can be followed (new, emptied, or of another format).</summary>
    public bool NeedsBuild { get; private set; }

    /// <summary>Whether a build from the store is under way: results may be incomplete meanwhile.</summary>
    public bool IsBuilding { get; internal set; }

    /// <summary>The last change-log id the committed index accounts for.</summary>
    public long Position { get; private set; }

    /// <summary>The number of the rebuild that wrote the committed index.</summary>
    public int Generation { get; private set; }


    /// <summary>Whether searches can run (an index is open, whether or not it is complete).</summary>
    public bool IsOpen => _searchers is not null;

    /// <summary>
    /// Opens the index for writing if it is not open yet: an unreadable, corrupt or other-format
    /// index is emptied (and <see cref="NeedsBuild"/> set), and so is a missing one. Returns
    /// whether this server now owns the writer. Called by the indexer only.
    /// </summary>
    public bool EnsureWritable()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is not null)
            {
                return true;
            }

            try
            {
                OpenWriter(wipe: false);
            }
            catch (LockObtainFailedException)
            {
                // Another process (a second server on this data folder, a verb) writes the index:
                // search what it has committed.
                OpenReadOnly();
                return false;
            }
            catch (Exception exception) when (IsUnreadable(exception))
            {
                logger.LogWarning(exception, "The search index at {IndexPath} cannot be read; it is rebuilt from the store", path);
                CloseAll();
                OpenWriter(wipe: true);
            }

            return true;
        }
    }

    /// <summary>Adds or replaces the document of an article.</summary>
    internal void Upsert(string key, Document document) => Writer.UpdateDocument(new Term(SearchFields.Key, key), document);

    /// <summary>Removes the document of an article, if it has one.</summary>
    internal void Delete(string key) => Writer.DeleteDocuments(new Term(SearchFields.Key, key));

    /// <summary>Removes every document that a rebuild before <paramref name="generation"/> wrote.</summary>
    internal void DeleteOlderThan(int generation) =>
        Writer.DeleteDocuments(NumericRangeQuery.NewInt32Range(SearchFields.Generation, null, generation - 1, true, true));

    /// <summary>Makes what was written since the last commit durable, with the change-log position it accounts for.</summary>
    internal void Commit(long position, int generation)
    {
        var writer = Writer;
        writer.SetCommitData(new Dictionary<string, string>
        {
            [FormatKey] = FormatVersion.ToString(CultureInfo.InvariantCulture),
            [PositionKey] = position.ToString(CultureInfo.InvariantCulture),
            [GenerationKey] = generation.ToString(CultureInfo.InvariantCulture),
        });
        writer.Commit();
        Position = position;
        Generation = generation;
        NeedsBuild = false;
    }

    /// <summary>Lets the next searches see what was written (near-real-time: before or without a commit).</summary>
    public void Refresh()
    {
        var searchers = _searchers;
        try
        {
            searchers?.MaybeRefreshBlocking();
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile (shutdown, or the index was reopened): the next pass opens it again.
        }
        catch (IOException exception) when (_writer is null)
        {
            // Read-only, and the writer replaced the folder's files (a rebuild after corruption):
            // drop this view; the next search opens the index as it is now.
            logger.LogInformation(exception, "The search index at {IndexPath} changed under this reader; reopening", path);
            lock (_gate)
            {
                if (_writer is null && ReferenceEquals(_searchers, searchers))
                {
                    CloseAll();
                }
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on a searcher of the current index state; null when no index is open yet.</summary>
    public T? Search<T>(Func<IndexSearcher, T> work)
        where T : class
    {
        var searchers = _searchers ?? TryOpenReadOnly();
        if (searchers is null)
        {
            return null;
        }

        IndexSearcher searcher;
        try
        {
            searcher = searchers.Acquire();
        }
        catch (ObjectDisposedException)
        {
            return null;
        }

        try
        {
            return work(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Closes the index (the writer commits nothing more; what was not committed is replayed from the log).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            CloseAll();
        }
    }

    /// <summary>
    /// Whether opening failed because the index itself is damaged or of another Lucene format (it
    /// is then rebuilt from the store); any other failure (a full disk, too many open files) is
    /// passing, and the next pass tries again with the index as it is.
    /// </summary>
    private static bool IsUnreadable(Exception exception) =>
        exception is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException
            or EndOfStreamException or FileNotFoundException or FormatException;

    private IndexWriter Writer => _writer ?? throw new InvalidOperationException("The search index is not open for writing.");

    private void OpenWriter(bool wipe)
    {
        if (wipe && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(new DirectoryInfo(path));
        try
        {
            // Checked before anything else: an index another process writes is never "unreadable"
            // (and never wiped) here, only read.
            if (IndexWriter.IsLocked(directory))
            {
                throw new LockObtainFailedException($"The search index at {path} is locked by another writer.");
            }

            var exists = DirectoryReader.IndexExists(directory);
            var config = new IndexWriterConfig(Version, FieldAnalyzer)
            {
                OpenMode = exists ? OpenMode.APPEND : OpenMode.CREATE,
                RAMBufferSizeMB = 64,
                Similarity = Ranking,
            };
            var writer = new IndexWriter(directory, config);
            var data = writer.CommitData;
            var format = exists && data.TryGetValue(FormatKey, out var f) ? f : null;
            if (format != FormatVersion.ToString(CultureInfo.InvariantCulture))
            {
                if (exists)
                {
                    logger.LogInformation("The search index at {IndexPath} has format {Format}, not {Expected}; it is rebuilt from the store", path, format ?? "(none)", FormatVersion);
                }

                writer.DeleteAll();
                NeedsBuild = true;
                Position = 0;
                Generation = 0;
            }
            else
            {
                Position = long.Parse(data[PositionKey], CultureInfo.InvariantCulture);
                Generation = int.Parse(data[GenerationKey], CultureInfo.InvariantCulture);
                NeedsBuild = false;
            }

            // A read-only view opened before (searches that came first) gives way to the writer's.
            CloseSearchers();
            _directory?.Dispose();
            _directory = directory;
            _writer = writer;
            _searchers = new SearcherManager(writer, true, new RankingSearcherFactory());
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Before this server's indexer has opened the index (or when it does not run here), searches
    /// read what is committed in the folder; tried at most once a second while there is none.
    /// </summary>
    private ReferenceManager<IndexSearcher>? TryOpenReadOnly()
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (now < Interlocked.Read(ref _nextReadOnlyAttempt))
        {
            return null;
        }

        lock (_gate)
        {
            Interlocked.Exchange(ref _nextReadOnlyAttempt, now + System.Diagnostics.Stopwatch.Frequency);
            if (_disposed || !Directory.Exists(path))
            {
                return _searchers;
            }

            try
            {
                OpenReadOnly();
            }
            catch (IOException exception)
            {
                // Unreadable, or being rewritten by its writer: the next attempt tries again.
                logger.LogDebug(exception, "The search index at {IndexPath} cannot be read yet", path);
            }

            return _searchers;
        }
    }

    private void OpenReadOnly()
    {
        if (_searchers is not null)
        {
            return;
        }

        var directory = FSDirectory.Open(new DirectoryInfo(path));
        if (!DirectoryReader.IndexExists(directory))
        {
            directory.Dispose();
            return;
        }

        _directory = directory;
        _searchers = new SearcherManager(directory, new RankingSearcherFactory());
    }

    private void CloseSearchers()
    {
        _searchers?.Dispose();
        _searchers = null;
    }

    private void CloseAll()
    {
        try
        {
            CloseSearchers();

            // Nothing uncommitted is kept: the change log replays it on the next start.
            _writer?.Rollback();
            _directory?.Dispose();
        }
#pragma warning disable CA1031 // Closing must not fail: an index folder deleted under us (by an operator, or a test) leaves nothing to save.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning(exception, "Closing the search index at {IndexPath} failed; it is replayed from the change log on the next start", path);
        }
        finally
        {
            _writer = null;
            _directory = null;
            _searchers = null;
        }
    }

    /// <summary>Gives every searcher the index's <see cref="Ranking"/>.</summary>
    private sealed class RankingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Ranking };
    }
}
