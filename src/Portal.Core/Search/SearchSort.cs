namespace Portal.Core.Search;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first (the default).</summary>
    Relevance,

    /// <summary>Newest first.</summary>
    Date,
}
