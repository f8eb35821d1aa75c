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
/// <c>javascript:</c> addresses that a link or image could carry. Text nested deeper than
/// <see cref="MaxNesting"/> levels is refused with <see cref="MarkdownTooDeepException"/>.
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

    /// <summary>
    /// How deep quotes, lists, emphasis and brackets may nest: Markdig's own limit, which it keeps
    /// so that rendering the syntax tree (recursive) cannot overflow the stack. Past it, Markdig
    /// throws a bare <see cref="ArgumentException"/> naming no place; we turn that into
    /// <see cref="MarkdownTooDeepException"/> with the line. Markdig does not let it be changed.
    /// </summary>
    public const int MaxNesting = 128;

    private readonly HtmlSanitizer _sanitizer = new();

    public MarkdownRenderer()
    {
        // The portal's Content-Security-Policy allows no inline styles, so a style attribute would
        // be dead weight: none is kept. The one Markdig writes (a table column's alignment,
        // `|:-:|`) becomes a class the stylesheets know.
        _sanitizer.PostProcessNode += (_, e) =>
        {
            // A link to a library attachment gets a class, so the stylesheet can show its icon.
            if (e.Node is IElement { LocalName: "a" } link && link.GetAttribute("href") is { } href && AttachmentLink().IsMatch(href))
            {
                link.ClassList.Add("attachment");
            }

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
    /// <exception cref="MarkdownTooDeepException">The text nests deeper than <see cref="MaxNesting"/> levels.</exception>
    public string Render(string markdown) => Render(markdown, null);

    /// <summary>
    /// Renders and sanitises <paramref name="markdown"/>; the library images named in
    /// <paramref name="images"/> (by address) get <c>width</c>/<c>height</c> (no layout shift)
    /// and, when they have a small copy, <c>srcset</c>/<c>sizes</c>. Pure: the caller looks the
    /// images up (<see cref="Media.MediaImageInfo"/>). Thread-safe.
    /// </summary>
    /// <exception cref="MarkdownTooDeepException">The text nests deeper than <see cref="MaxNesting"/> levels.</exception>
    public string Render(string markdown, IReadOnlyDictionary<string, Media.ImageInfo>? images)
    {
        var html = NestingChecked(markdown, () => Markdown.ToHtml(markdown, Pipeline));
        var sanitized = _sanitizer.Sanitize(html);
        return images is null || images.Count == 0 ? sanitized : Media.MediaImageInfo.Decorate(sanitized, images);
    }

    /// <summary>The images of <paramref name="markdown"/> (address and alt text), read with the pipeline that renders them.</summary>
    /// <exception cref="MarkdownTooDeepException">The text nests deeper than <see cref="MaxNesting"/> levels.</exception>
    public static IReadOnlyList<(string Url, string Alt)> Images(string markdown) =>
        Parse(markdown).Descendants<LinkInline>().Where(l => l.IsImage).Select(l => (l.Url ?? "", AltText(l))).ToList();

    /// <summary>
    /// Every link and image target of <paramref name="markdown"/> (inline, reference and
    /// autolinks), each once, in order, read with the pipeline that renders them: what readers can
    /// follow, for the inspection's broken-link rule.
    /// </summary>
    /// <exception cref="MarkdownTooDeepException">The text nests deeper than <see cref="MaxNesting"/> levels.</exception>
    public static IReadOnlyList<string> Targets(string markdown)
    {
        var document = Parse(markdown);
        var links = document.Descendants<LinkInline>().Select(l => l.Url ?? "")
            .Concat(document.Descendants<AutolinkInline>().Where(l => !l.IsEmail).Select(l => l.Url));
        return links.Where(url => url.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Parses <paramref name="markdown"/> only, to find out whether it can be rendered (cheaper than <see cref="Render(string)"/>).</summary>
    /// <exception cref="MarkdownTooDeepException">The text nests deeper than <see cref="MaxNesting"/> levels.</exception>
    public static void CheckNesting(string markdown) => Parse(markdown);

    /// <summary>
    /// Whether the Markdown contains an image (<c>![](url)</c>) whose alt text is empty, read with
    /// the same pipeline that renders it, so the check sees the images readers will see.
    /// </summary>
    /// <exception cref="MarkdownTooDeepException">The text nests deeper than <see cref="MaxNesting"/> levels.</exception>
    public static bool HasImageWithoutAlt(string markdown)
    {
        var document = Parse(markdown);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage && string.IsNullOrWhiteSpace(AltText(link)))
            {
                return true;
            }
        }

        return false;
    }

    private static MarkdownDocument Parse(string markdown) => NestingChecked(markdown, () => Markdown.Parse(markdown, Pipeline));

    /// <summary>Runs Markdig's <paramref name="work"/> on <paramref name="markdown"/>, its depth limit turned into our exception.</summary>
    private static T NestingChecked<T>(string markdown, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (ArgumentException ex) when (IsDepthLimit(ex))
        {
            throw new MarkdownTooDeepException(FirstTooDeepLine(markdown), ex);
        }
    }

    /// <summary>
    /// Markdig's depth limit is a plain <see cref="ArgumentException"/> (its ThrowHelper.CheckDepthLimit),
    /// the only one it throws for a text that is not null; subclasses such as
    /// <see cref="ArgumentOutOfRangeException"/> would be bugs, not depth, and stay what they are.
    /// </summary>
    private static bool IsDepthLimit(ArgumentException ex) => ex.GetType() == typeof(ArgumentException);

    /// <summary>
    /// The first line at which <paramref name="markdown"/> becomes too deep: the shortest run of
    /// whole lines from the start that Markdig refuses, found by bisection (a few parses, and only
    /// for a text already refused).
    /// </summary>
    private static int FirstTooDeepLine(string markdown)
    {
        var lineEnds = new List<int>();
        for (var i = markdown.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = markdown.IndexOf('\n', i + 1))
        {
            lineEnds.Add(i + 1);
        }

        lineEnds.Add(markdown.Length);

        // Invariant: the first `parsed` lines parse; the first `refused` lines do not.
        int parsed = 0, refused = lineEnds.Count;
        while (refused - parsed > 1)
        {
            var middle = parsed + ((refused - parsed) / 2);
            if (Parses(markdown[..lineEnds[middle - 1]]))
            {
                parsed = middle;
            }
            else
            {
                refused = middle;
            }
        }

        return refused;
    }

    private static bool Parses(string markdown)
    {
        try
        {
            Markdown.Parse(markdown, Pipeline);
            return true;
        }
        catch (ArgumentException ex) when (IsDepthLimit(ex))
        {
            return false;
        }
    }

    [GeneratedRegex(@"^/media/[0-9a-f]{32}\.(?:pdf|ofd|doc|docx|xls|xlsx|wps|et|odt|ods|txt|zip)\z", RegexOptions.CultureInvariant)]
    private static partial Regex AttachmentLink();

    [GeneratedRegex(@"text-align:\s*(left|center|right)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableAlignment();

    private static string AltText(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString()))
        + string.Concat(container.Descendants<CodeInline>().Select(c => c.Content));
}
