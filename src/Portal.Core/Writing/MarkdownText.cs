using System.Text;

namespace Portal.Core.Writing;

/// <summary>
/// Escaping of ordinary text for the portal's Markdown pipeline (CommonMark, pipe tables, emphasis
/// extras, list extras, auto-links; raw HTML disabled), so that stored Markdown renders to exactly
/// the text that was pasted or imported and never to accidental syntax.
/// </summary>
public static class MarkdownText
{
    /// <summary>
    /// Escapes the characters that are Markdown syntax anywhere in a line: backslash, emphasis
    /// (<c>* _</c>, and the extras <c>~ ^</c>, doubled <c>+ =</c>), brackets, backticks, angle
    /// brackets, the table pipe and the entity ampersand. Control characters are removed.
    /// </summary>
    public static string EscapeInline(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>' or '~' or '^' or '|' or '&':
                    sb.Append('\\').Append(c);
                    break;
                case '+' or '=' when (i > 0 && text[i - 1] == c) || (i + 1 < text.Length && text[i + 1] == c):
                    sb.Append('\\').Append(c);
                    break;
                case < ' ' or '\u007f':
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Escapes what would start a block at the beginning of a line whose text was already passed
    /// through <see cref="EscapeInline"/>: a heading <c>#</c>, a bullet or thematic break
    /// (<c>- + =</c>), an ordered-list marker (<c>1.</c>, <c>a)</c>, <c>iv.</c>, so "1. 第一条" stays text).
    /// </summary>
    public static string EscapeLineStart(string escaped)
    {
        if (escaped.Length == 0)
        {
            return escaped;
        }

        if (escaped[0] is '#' or '-' or '+' or '=')
        {
            return "\\" + escaped;
        }

        // An ordered marker: digits or letters, then '.' or ')', then a space or the end.
        var i = 0;
        while (i < escaped.Length && char.IsAsciiLetterOrDigit(escaped[i]))
        {
            i++;
        }

        if (i > 0 && i < escaped.Length && escaped[i] is '.' or ')' && (i + 1 == escaped.Length || char.IsWhiteSpace(escaped[i + 1])))
        {
            return string.Concat(escaped.AsSpan(0, i), "\\", escaped.AsSpan(i));
        }

        return escaped;
    }

    /// <summary>
    /// Collapses white space as HTML does (runs of spaces, tabs, line ends and no-break spaces
    /// become one space).
    /// </summary>
    public static string CollapseWhiteSpace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00a0')
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        if (space)
        {
            sb.Append(' ');
        }

        return sb.ToString();
    }

    /// <summary>
    /// A link address the portal keeps: http, https and mailto, or an address on this site
    /// (starting with a single <c>/</c>); null for anything else (javascript:, data:, file:,
    /// a bookmark <c>#…</c>, a page-relative path that would point elsewhere once stored).
    /// </summary>
    public static string? SafeLink(string? href)
    {
        var url = href?.Trim();
        if (string.IsNullOrEmpty(url) || url.Length > 2000)
        {
            return null;
        }

        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
        {
            return url;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" ? url : null;
    }

    /// <summary>A link address written inside <c>(…)</c>: spaces, angle brackets and parentheses encoded.</summary>
    public static string LinkDestination(string url)
    {
        var sb = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            sb.Append(c switch
            {
                ' ' => "%20",
                '<' => "%3C",
                '>' => "%3E",
                '(' => "%28",
                ')' => "%29",
                '\\' => "%5C",
                '`' => "%60",
                < ' ' or '\u007f' => "",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
