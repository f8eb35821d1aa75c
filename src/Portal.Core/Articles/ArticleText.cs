using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Core.Articles;

/// <summary>
/// The plain text of an article body, for search, summaries and descriptions. The input is the
/// sanitised HTML that <see cref="MarkdownRenderer"/> wrote, so tags are well formed: stripping
/// them is enough (this is not a sanitiser; its output is text, always encoded where it is shown).
/// </summary>
public static partial class ArticleText
{
    /// <summary>The text of <paramref name="html"/>, blocks separated by a new line, runs of white space folded.</summary>
    public static string FromHtml(string html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        // Block ends become line breaks, so words of two paragraphs never run together (Chinese
        // has no spaces to keep them apart).
        var text = BlockEnd().Replace(html, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        var builder = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            var folded = Space().Replace(line, " ").Trim();
            if (folded.Length > 0)
            {
                if (builder.Length > 0)
                {
                    builder.Append('\n');
                }

                builder.Append(folded);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The first <paramref name="length"/> characters of the text of <paramref name="html"/> on one
    /// line (for a description or a result summary), with "…" when it was cut.
    /// </summary>
    public static string Excerpt(string html, int length)
    {
        var text = FromHtml(html).Replace('\n', ' ');
        if (text.Length <= length)
        {
            return text;
        }

        // Never cut a surrogate pair (an emoji, a rare character) in half.
        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end].TrimEnd() + "…";
    }

    [GeneratedRegex(@"</(p|div|h[1-6]|li|tr|td|th|blockquote|pre|table|ul|ol)>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
