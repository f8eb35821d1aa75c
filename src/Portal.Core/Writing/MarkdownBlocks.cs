namespace Portal.Core.Writing;

/// <summary>What an inline piece of a converted block is.</summary>
internal enum RunKind
{
    /// <summary>Text, escaped when written.</summary>
    Text,

    /// <summary>A line break inside the block.</summary>
    Break,

    /// <summary>Markdown written as it is (an imported image); the converter made it safe.</summary>
    Raw,
}

/// <summary>
/// A piece of inline content with its formatting: the shape both converters (clipboard HTML and
/// Word) reduce a document to, so escaping and layout are written once in <see cref="MarkdownWriter"/>.
/// </summary>
internal sealed record InlineRun(RunKind Kind, string Text, bool Bold = false, bool Italic = false, string? Link = null)
{
    public static InlineRun LineBreak { get; } = new(RunKind.Break, "");
}

/// <summary>A block of a converted document.</summary>
internal abstract record MarkdownBlock;

/// <summary>A paragraph.</summary>
internal sealed record ParagraphBlock(IReadOnlyList<InlineRun> Runs) : MarkdownBlock;

/// <summary>A heading, level 1 to 6.</summary>
internal sealed record HeadingBlock(int Level, IReadOnlyList<InlineRun> Runs) : MarkdownBlock;

/// <summary>
/// One item of a list. Consecutive items with the same <paramref name="ListKey"/> form one list;
/// <paramref name="Level"/> starts at 0; <paramref name="Start"/> is the number of the first
/// item of an ordered level (when known).
/// </summary>
internal sealed record ListItemBlock(string ListKey, int Level, bool Ordered, int Start, IReadOnlyList<InlineRun> Runs) : MarkdownBlock;

/// <summary>A table; the first row is written as the header. Cells hold inline content only.</summary>
internal sealed record TableBlock(IReadOnlyList<IReadOnlyList<IReadOnlyList<InlineRun>>> Rows) : MarkdownBlock;
