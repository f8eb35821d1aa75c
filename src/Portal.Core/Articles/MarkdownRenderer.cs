using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Core.Articles;

/// <summary>
/// Turns an article's Markdown into the HTML readers see. The one Markdig pipeline of the portal:
/// the public page, the importer and the editor's preview all call it, so what an editor previews
/// is exactly what is published. Raw HTML in the Markdown is disabled (shown as text), and the
/// output still passes through HtmlSanitizer, which removes scripts, event handlers and
/// <c>javascript:</c> addresses that a link or image could carry.
/// </summary>
public sealed partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = new();

    public MarkdownRenderer()
    {
        // The portal's Content-Security-Policy allows no inline styles, so a style attribute would
        // be dead weight: none is kept. The one Markdig writes (a table column's alignment,
        // `|:-:|`) becomes a class the stylesheets know.
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element && element.GetAttribute("style") is { } style)
            {
                element.RemoveAttribute("style");
                if (element.LocalName is "th" or "td" && TableAlignment().Match(style) is { Success: true } align)
                {
                    element.ClassList.Add("align-" + align.Groups[1].Value.ToLowerInvariant());
                }
            }
        };
    }

    /// <summary>Renders and sanitises <paramref name="markdown"/>. Thread-safe.</summary>
    public string Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        return _sanitizer.Sanitize(html);
    }

    /// <summary>
    /// Whether the Markdown contains an image (<c>![](url)</c>) whose alt text is empty, read with
    /// the same pipeline that renders it, so the check sees the images readers will see.
    /// </summary>
    public static bool HasImageWithoutAlt(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage && string.IsNullOrWhiteSpace(AltText(link)))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"text-align:\s*(left|center|right)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableAlignment();

    private static string AltText(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString()))
        + string.Concat(container.Descendants<CodeInline>().Select(c => c.Content));
}
