using Ganss.Xss;
using Markdig;

namespace Portal.Core.Articles;

/// <summary>
/// Turns an article's Markdown into the HTML readers see. The one Markdig pipeline of the portal:
/// the public page, the importer and the editor's preview all call it, so what an editor previews
/// is exactly what is published. Raw HTML in the Markdown is disabled (shown as text), and the
/// output still passes through HtmlSanitizer, which removes scripts, event handlers and
/// <c>javascript:</c> addresses that a link or image could carry.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = new();

    /// <summary>Renders and sanitises <paramref name="markdown"/>. Thread-safe.</summary>
    public string Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        return _sanitizer.Sanitize(html);
    }
}
