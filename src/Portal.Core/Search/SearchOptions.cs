using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Search;

/// <summary>站内搜索 (section <c>Search</c>): where the index lives and how closely it follows the store.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// The index folder; relative paths are taken from the data folder (<c>Storage:DataPath</c>).
    /// Default <c>search</c>. Each server keeps its own index and follows the change log by itself.
    /// </summary>
    [Required]
    public string IndexPath { get; set; } = "search";

    /// <summary>
    /// Milliseconds between two looks at the change log; default 500, so a change reaches search
    /// well within 2 seconds. 50 to 60000.
    /// </summary>
    [Range(50, 60_000, ErrorMessage = "Search:PollMilliseconds must be between 50 and 60000.")]
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>
    /// Seconds the indexer waits for a change-log id that was skipped (a transaction that took an
    /// id and has not committed yet, or rolled back) before it stops waiting; default 300. 1 to 86400.
    /// </summary>
    [Range(1, 86_400, ErrorMessage = "Search:GapSeconds must be between 1 and 86400.")]
    public int GapSeconds { get; set; } = 300;

    /// <summary>Whether this server runs the indexer; default true. Off, search answers from the index as it is.</summary>
    public bool IndexerEnabled { get; set; } = true;
}
