namespace Portal.Core.Search;

/// <summary>The field names of the search index, and how much a match in each weighs.</summary>
internal static class SearchFields
{
    /// <summary>The article's URL key: the document's identity (stored, not analysed).</summary>
    public const string Key = "key";

    public const string Title = "title";

    public const string Keywords = "keywords";

    public const string Summary = "summary";

    public const string Source = "source";

    public const string Body = "body";

    /// <summary>
    /// The title and body again as overlapping pairs of characters (CJK bigrams): word segmentation
    /// cuts the same text differently in different contexts (“三进两联一交友”活动 is cut 交 | 友, the
    /// bare phrase 交友), so an exact run of characters is also matched this way.
    /// </summary>
    public const string TitleChars = "title_chars";

    /// <inheritdoc cref="TitleChars"/>
    public const string BodyChars = "body_chars";

    /// <summary>The article's section and every section above it (one term each): a section filter includes its children.</summary>
    public const string Section = "section";

    /// <summary>Publish time in UTC ticks, indexed for range filters.</summary>
    public const string Published = "published";

    /// <summary>Publish time in UTC ticks as a doc value, for sorting by date.</summary>
    public const string PublishedOrder = "published_order";

    /// <summary>The rebuild that wrote the document; a rebuild removes what earlier ones wrote and it did not.</summary>
    public const string Generation = "gen";

    /// <summary>
    /// The searched fields and their weights: a word in the title counts most, then the editor's
    /// keywords, the summary, the 来源, and the body.
    /// </summary>
    public static IReadOnlyList<(string Field, float Boost)> Weighted { get; } =
    [
        (Title, 4f),
        (Keywords, 3f),
        (Summary, 2f),
        (Source, 1.5f),
        (Body, 1f),
    ];
}
