using System.Globalization;
using AngleSharp.Dom;

namespace Portal.Core.Writing;

/// <summary>What the reader recognises in clipboard markup: skipped and block elements, inline formatting, Word's headings and list paragraphs, inline styles.</summary>
internal sealed partial class HtmlBlockReader
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "meta", "link", "noscript", "template", "iframe", "object", "embed",
        "svg", "math", "del", "button", "input", "select", "textarea", "canvas", "video", "audio", "map", "xml",
        "frame", "frameset", "applet", "param", "source", "track", "picture",
    };

    private static readonly HashSet<string> BlockNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "blockquote", "section", "article", "header", "footer", "main", "aside", "nav", "center",
        "pre", "address", "figure", "figcaption", "dl", "dt", "dd", "form", "fieldset", "legend", "hr", "body",
        "html", "li", "caption", "details", "summary", "tr", "td", "th", "tbody", "thead", "tfoot",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "menu", "dir",
    };

    /// <summary>The formatting an inline element adds: bold, italic, a kept link.</summary>
    private static Format Inline(IElement e, Format format)
    {
        var style = StyleOf(e);
        var bold = format.Bold;
        var italic = format.Italic;
        switch (e.LocalName)
        {
            case "b" or "strong":
                // Word writes <b style='mso-bidi-font-weight:normal'> for bold text: the property
                // concerns right-to-left scripts only, the text itself is bold.
                bold = true;
                break;
            case "i" or "em" or "cite" or "dfn":
                italic = true;
                break;
            case "a":
                if (e.GetAttribute("href") is { } href && MarkdownText.SafeLink(href) is { } url)
                {
                    format = format with { Link = url };
                }

                break;
        }

        if (style.TryGetValue("font-weight", out var weight))
        {
            bold = weight is "bold" or "bolder" or "600" or "700" or "800" or "900" || (weight is not ("normal" or "lighter" or "100" or "200" or "300" or "400" or "500") && bold);
        }

        if (style.TryGetValue("font-style", out var fontStyle))
        {
            italic = fontStyle is "italic" or "oblique" || (fontStyle != "normal" && italic);
        }

        return format with { Bold = bold, Italic = italic };
    }

    private static bool IsSkipped(IElement e)
    {
        var name = e.LocalName;
        if (Skipped.Contains(name) || name.StartsWith("v:", StringComparison.Ordinal) || name.StartsWith("w:data", StringComparison.Ordinal))
        {
            return true;
        }

        if (e.GetAttribute("class") is { } cls)
        {
            foreach (var c in cls.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (c.Equals("msoDel", StringComparison.OrdinalIgnoreCase) || c.StartsWith("MsoCommentReference", StringComparison.OrdinalIgnoreCase)
                    || c.StartsWith("MsoFootnoteReference", StringComparison.OrdinalIgnoreCase) || c.StartsWith("MsoEndnoteReference", StringComparison.OrdinalIgnoreCase)
                    || c.Equals("msocomtxt", StringComparison.OrdinalIgnoreCase) || c.Equals("msocomoff", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        if (e.GetAttribute("style") is null)
        {
            return false;
        }

        var style = StyleOf(e);
        return (style.TryGetValue("mso-list", out var list) && list.Equals("ignore", StringComparison.OrdinalIgnoreCase))
            || (style.TryGetValue("mso-element", out var element) && element is "comment-list" or "comment" or "footnote-list" or "endnote-list" or "footnote" or "endnote")
            || (style.TryGetValue("display", out var display) && display == "none")
            || (style.TryGetValue("mso-hide", out var hide) && hide == "all");
    }

    /// <summary>The heading level of h1–h6 and Word's title, subtitle and heading paragraph classes.</summary>
    private static int? HeadingLevel(IElement e)
    {
        var name = e.LocalName;
        if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
        {
            return name[1] - '0';
        }

        if (name is "p" or "div" && e.GetAttribute("class") is { } cls)
        {
            foreach (var c in cls.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (c.Equals("MsoTitle", StringComparison.OrdinalIgnoreCase))
                {
                    return 1;
                }

                if (c.Equals("MsoSubtitle", StringComparison.OrdinalIgnoreCase))
                {
                    return 2;
                }

                if (c.StartsWith("MsoHeading", StringComparison.OrdinalIgnoreCase) && c.Length == 11 && c[10] is >= '1' and <= '6')
                {
                    return c[10] - '0';
                }
            }
        }

        return null;
    }

    /// <summary>The level (0-based) of a Word list paragraph: <c>style='mso-list:l0 level2 lfo1'</c>.</summary>
    private static int? WordListLevel(IElement e)
    {
        if (e.GetAttribute("style") is null || !StyleOf(e).TryGetValue("mso-list", out var list))
        {
            return null;
        }

        foreach (var part in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("level", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(part.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level >= 1)
            {
                return level - 1;
            }
        }

        return null;
    }

    /// <summary>
    /// A marker with more than one character ("1.", "a)", "(一)", "一、") numbers its item; a
    /// single character is a bullet (Word's · of Symbol, o of Courier New, § Ø ü of Wingdings).
    /// </summary>
    internal static bool IsOrderedMarker(string marker) => marker.Length > 1 && marker.Any(char.IsLetterOrDigit);

    private static int StartOf(string marker)
    {
        var digits = new string(marker.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and < 9 ? int.Parse(digits, CultureInfo.InvariantCulture) : 1;
    }

    private static IEnumerable<IElement> RowsOf(IElement table)
    {
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr")
            {
                yield return child;
            }
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
            {
                foreach (var tr in child.Children.Where(c => c.LocalName == "tr"))
                {
                    yield return tr;
                }
            }
        }
    }

    private static int IntAttribute(IElement e, string name) =>
        int.TryParse(e.GetAttribute(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 1;

    private List<InlineRun> InlineOf(IElement e, Format format, int depth) => Capture(() =>
    {
        _inlineOnly++;
        Walk(e, Inline(e, format), depth);
        _inlineOnly--;
    });

    private static int CountImages(IElement e) => e.LocalName == "img" ? 1 : e.QuerySelectorAll("img").Length;

    /// <summary>An element's inline style as lower-case property → value (values lower-cased, quotes removed).</summary>
    private static Dictionary<string, string> StyleOf(IElement e)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var style = e.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return result;
        }

        foreach (var declaration in style.Split(';'))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var property = declaration[..colon].Trim().ToLowerInvariant();
                var value = MarkdownText.CollapseWhiteSpace(declaration[(colon + 1)..]).Trim().Trim('\'', '"').ToLowerInvariant();
                result[property] = value;
            }
        }

        return result;
    }
}
