using System.Globalization;
using AngleSharp.Html.Parser;

namespace Portal.Core.Writing;

/// <summary>
/// Converts what an editor pastes into the body to Markdown on the server: the clipboard's HTML
/// (Word, WPS, web pages) when there is any, else its plain text. Headings, paragraphs, line
/// breaks, lists, tables, bold, italic and links are kept; fonts, colours, styles, Office markup,
/// comments, tracked deletions and images are dropped (images are counted in a notice). All text
/// is escaped so that the Markdown renders to exactly the pasted text. Thread-safe.
/// </summary>
public static class ClipboardConverter
{
    /// <summary>
    /// The longest paste accepted, in characters per field: ASP.NET Core's default form value
    /// limit (4 MiB), which the endpoint keeps.
    /// </summary>
    public const int MaxInputChars = 4 * 1024 * 1024;

    /// <summary>Converts a paste. <paramref name="html"/> wins when it holds any content.</summary>
    /// <exception cref="ConversionRefusedException">A field is longer than <see cref="MaxInputChars"/>.</exception>
    public static ClipboardConversion Convert(string? html, string? text)
    {
        if ((html?.Length ?? 0) > MaxInputChars || (text?.Length ?? 0) > MaxInputChars)
        {
            throw new ConversionRefusedException(TooLargeMessage);
        }

        if (!string.IsNullOrWhiteSpace(html))
        {
            var reader = ReadHtml(html);
            var markdown = MarkdownWriter.Write(reader.Blocks);
            if (markdown.Length > 0 || string.IsNullOrWhiteSpace(text))
            {
                var notes = reader.Images > 0
                    ? new[] { string.Create(CultureInfo.InvariantCulture, $"粘贴内容中的 {reader.Images} 张图片未导入，请通过“图片”按钮上传。") }
                    : [];
                return new ClipboardConversion(markdown, notes);
            }
        }

        return new ClipboardConversion(MarkdownWriter.Write(PlainTextBlocks(text ?? "")), []);
    }

    /// <summary>The message for a paste over the limit.</summary>
    public static string TooLargeMessage { get; } = $"粘贴的内容过大（超过 {MaxInputChars / 1024 / 1024} MB），请分几次粘贴。";

    private static HtmlBlockReader ReadHtml(string html)
    {
        // Windows' CF_HTML format starts with a header ("Version:0.9 StartHTML:…") before the markup.
        if (html.StartsWith("Version:", StringComparison.Ordinal) && html.IndexOf('<', StringComparison.Ordinal) is var lt and >= 0)
        {
            html = html[lt..];
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        return HtmlBlockReader.Read(document);
    }

    /// <summary>
    /// Plain text: each line a paragraph; a run of two or more lines that all hold a tab is a table
    /// (the first row its header), as a spreadsheet or a Word table puts it on the clipboard.
    /// </summary>
    internal static List<MarkdownBlock> PlainTextBlocks(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var blocks = new List<MarkdownBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var end = i;
            while (end < lines.Length && lines[end].Contains('\t', StringComparison.Ordinal))
            {
                end++;
            }

            if (end - i >= 2)
            {
                var rows = new List<IReadOnlyList<IReadOnlyList<InlineRun>>>();
                for (var r = i; r < end; r++)
                {
                    rows.Add(lines[r].Split('\t').Select(c => (IReadOnlyList<InlineRun>)[new InlineRun(RunKind.Text, c.Trim())]).ToList());
                }

                blocks.Add(new TableBlock(rows));
                i = end - 1;
                continue;
            }

            if (line.Trim(' ', '\t', '\u3000', '\u00a0').Length > 0)
            {
                blocks.Add(new ParagraphBlock([new InlineRun(RunKind.Text, line)]));
            }
        }

        return blocks;
    }
}
