using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Core.Articles;

/// <summary>
/// An article's text for machines: its description (the description and Description meta tags,
/// Open Graph, feeds) — its 摘要 when the editor wrote one, else the start of its body — and the
/// plain text of its body (search). One rule, so a page, its feed item and its search result
/// never describe the same article differently.
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
    /// The text of sanitised article HTML, white space collapsed to single spaces. Blocks (paragraphs,
    /// headings, list items, cells) are kept apart by a space, while inline markup joins its words
    /// as written (Chinese has no spaces between them). The input is what <see cref="MarkdownRenderer"/>
    /// wrote, so stripping its well-formed tags is enough, and fast enough to index a million
    /// bodies; this is not a sanitiser, and its output is encoded wherever it is shown.
    /// </summary>
    public static string PlainText(string html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var text = BlockEnd().Replace(html, " ");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        return WhiteSpace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"</(p|div|h[1-6]|li|tr|td|th|blockquote|pre|table|ul|ol|dd|dt|figcaption)>|<br\s*/?>|<hr\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
