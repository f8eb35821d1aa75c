using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Portal.Core.Articles;

/// <summary>
/// An article's description for machines (the description and Description meta tags, Open Graph,
/// feeds): its 摘要 when the editor wrote one, else the start of its body as plain text. One rule,
/// so a page and its feed item never describe the same article differently.
/// </summary>
public static partial class ArticleText
{
    /// <summary>How many characters of body text stand in for a missing summary.</summary>
    public const int ExcerptLength = 120;

    /// <summary>The summary (trimmed) when there is one, else <see cref="Excerpt"/> of the body; null when both are empty.</summary>
    public static string? Description(string? summary, string bodyHtml) =>
        string.IsNullOrWhiteSpace(summary) ? Excerpt(bodyHtml) : summary.Trim();

    /// <summary>
    /// The first <paramref name="length"/> characters of the body's text (fewer when the cut falls
    /// on a space), its markup removed and runs of white space (line breaks between paragraphs,
    /// full-width indents) collapsed to one space; null when the body has no text.
    /// </summary>
    public static string? Excerpt(string bodyHtml, int length = ExcerptLength)
    {
        var text = PlainText(bodyHtml);
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length <= length)
        {
            return text;
        }

        // Never cut a character outside the BMP (a surrogate pair) in half, nor end on the space between paragraphs.
        return text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)].TrimEnd();
    }

    /// <summary>
    /// The text of sanitised article HTML, white space collapsed. The rendered body puts a line
    /// break between blocks, so paragraphs stay apart while inline markup joins its words as
    /// written (Chinese has no spaces between them).
    /// </summary>
    public static string PlainText(string html)
    {
        // A parser per call: AngleSharp's parser is not documented as safe for concurrent use.
        var document = new HtmlParser().ParseDocument(html);
        return WhiteSpace().Replace(document.Body?.TextContent ?? "", " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
