using System.Globalization;

namespace Portal.Core.Articles;

/// <summary>
/// Markdown nested deeper than <see cref="MarkdownRenderer"/> renders (block quotes, lists,
/// emphasis or brackets inside one another, more than <see cref="MarkdownRenderer.MaxNesting"/>
/// levels). <see cref="Line"/> is the first line at which the text becomes too deep. The message
/// is English; the editor shows its own (<c>EditorialService.BodyTooDeepMessage</c>).
/// </summary>
public sealed class MarkdownTooDeepException : Exception
{
    public MarkdownTooDeepException(int line, Exception innerException)
        : base(string.Create(CultureInfo.InvariantCulture, $"Markdown line {line}: {Problem}"), innerException)
    {
        Line = line;
    }

    /// <summary>What is wrong, without the place, for messages that name the place their own way.</summary>
    public static string Problem { get; } = string.Create(
        CultureInfo.InvariantCulture, $"quotes, lists, emphasis or brackets are nested more than {MarkdownRenderer.MaxNesting} levels deep");

    /// <summary>The 1-based line of the Markdown where the nesting goes past the limit.</summary>
    public int Line { get; }
}
