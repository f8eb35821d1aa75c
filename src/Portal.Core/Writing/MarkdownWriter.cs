using System.Globalization;
using System.Text;

namespace Portal.Core.Writing;

/// <summary>
/// Writes converted blocks as tidy Markdown: one blank line between blocks, no trailing spaces,
/// a final line end, hard breaks as a backslash at the line's end, every piece of text escaped
/// (<see cref="MarkdownText"/>), emphasis kept off white space and punctuation at its edges (so
/// CommonMark's flanking rules accept it next to Chinese text), lists nested by indentation and
/// tables as pipe tables with the first row as the header.
/// </summary>
internal static partial class MarkdownWriter
{
    /// <summary>Deeper list levels are written at this level (Word has nine; Markdown renders deeper nests badly).</summary>
    public const int MaxListLevel = 8;

    public static string Write(IEnumerable<MarkdownBlock> blocks)
    {
        var output = new List<string>();
        var list = new List<ListItemBlock>();
        var alternate = false;
        var lastWasList = false;

        void FlushList()
        {
            if (list.Count == 0)
            {
                return;
            }

            // Two lists one after the other would merge into one: the second uses the other delimiter.
            alternate = lastWasList && !alternate;
            var text = WriteList(list, alternate);
            if (text.Length > 0)
            {
                output.Add(text);
                lastWasList = true;
            }

            list.Clear();
        }

        foreach (var block in blocks)
        {
            if (block is ListItemBlock item)
            {
                if (list.Count > 0 && list[^1].ListKey != item.ListKey)
                {
                    FlushList();
                }

                list.Add(item);
                continue;
            }

            FlushList();
            var written = block switch
            {
                HeadingBlock h => WriteHeading(h),
                ParagraphBlock p => WriteLines(p.Runs, lineStart: true),
                TableBlock t => WriteTable(t),
                _ => "",
            };
            if (written.Length > 0)
            {
                output.Add(written);
                lastWasList = false;
                alternate = false;
            }
        }

        FlushList();
        return output.Count == 0 ? "" : string.Join("\n\n", output) + "\n";
    }

    /// <summary>The plain text of runs (a title), white space collapsed, without any Markdown.</summary>
    public static string PlainText(IEnumerable<InlineRun> runs) =>
        MarkdownText.CollapseWhiteSpace(string.Concat(runs.Select(r => r.Kind == RunKind.Text ? r.Text : r.Kind == RunKind.Break ? " " : ""))).Trim(' ', '\u3000');

    private static string WriteHeading(HeadingBlock heading)
    {
        var text = WriteLines(heading.Runs, lineStart: true, breaks: false);
        if (text.Length == 0)
        {
            return "";
        }

        // A closing '#' sequence would be taken off the heading.
        if (text.EndsWith('#'))
        {
            text = text[..^1] + "\\#";
        }

        return new string('#', Math.Clamp(heading.Level, 1, 6)) + " " + text;
    }

    private static string WriteList(List<ListItemBlock> items, bool alternate)
    {
        var sb = new StringBuilder();
        var counters = new int[MaxListLevel + 1];
        var indents = new int[MaxListLevel + 2];
        var previous = -1;
        foreach (var item in items)
        {
            var content = WriteLines(item.Runs, lineStart: true);
            if (content.Length == 0)
            {
                continue;
            }

            var level = Math.Min(Math.Min(Math.Max(item.Level, 0), previous + 1), MaxListLevel);
            for (var l = level + 1; l < counters.Length; l++)
            {
                counters[l] = 0;
            }

            string marker;
            if (item.Ordered)
            {
                counters[level] = counters[level] == 0 ? Math.Max(item.Start, 0) : counters[level] + 1;
                marker = counters[level].ToString(CultureInfo.InvariantCulture) + (alternate ? ") " : ". ");
            }
            else
            {
                counters[level] = 0;
                marker = alternate ? "* " : "- ";
            }

            var indent = new string(' ', indents[level]);
            indents[level + 1] = indents[level] + marker.Length;
            var continuation = "\n" + new string(' ', indents[level + 1]);
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(indent).Append(marker).Append(content.Replace("\n", continuation, StringComparison.Ordinal));
            previous = level;
        }

        return sb.ToString();
    }

    private static string WriteTable(TableBlock table)
    {
        var rows = table.Rows.Select(r => r.Select(c => WriteLines(c, lineStart: false, breaks: false)).ToList()).ToList();
        if (rows.Count == 0)
        {
            return "";
        }

        var columns = Math.Max(1, rows.Max(r => r.Count));
        if (rows.All(r => r.All(c => c.Length == 0)))
        {
            return "";
        }

        var sb = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i];
            while (cells.Count < columns)
            {
                cells.Add("");
            }

            if (i > 0)
            {
                sb.Append('\n');
            }

            sb.Append('|');
            foreach (var cell in cells)
            {
                sb.Append(cell.Length == 0 ? " " : " " + cell + " ").Append('|');
            }

            if (i == 0)
            {
                sb.Append('\n').Append('|');
                for (var c = 0; c < columns; c++)
                {
                    sb.Append(" --- |");
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Inline runs as Markdown lines: with <paramref name="breaks"/>, a line break ends a line
    /// (backslash hard break); otherwise it becomes a space. <paramref name="lineStart"/> escapes
    /// block syntax at the start of each line.
    /// </summary>
    private static string WriteLines(IReadOnlyList<InlineRun> runs, bool lineStart, bool breaks = true)
    {
        var lines = new List<List<InlineRun>> { new() };
        foreach (var run in runs)
        {
            if (run.Kind == RunKind.Break)
            {
                if (breaks)
                {
                    lines.Add([]);
                }
                else
                {
                    lines[^1].Add(run with { Kind = RunKind.Text, Text = " " });
                }
            }
            else if (run.Text.Length > 0)
            {
                lines[^1].Add(run);
            }
        }

        var written = lines.Select(l => WriteLine(l, lineStart)).Where(l => l.Length > 0).ToList();
        return string.Join("\\\n", written);
    }

    private static string WriteLine(List<InlineRun> runs, bool lineStart)
    {
        var segments = Segments(runs);
        var sb = new StringBuilder();
        string? link = null;
        var linkStart = 0;
        bool bold = false, italic = false;
        var atStart = lineStart;

        void CloseEmphasis()
        {
            if (italic)
            {
                sb.Append('*');
                italic = false;
            }

            if (bold)
            {
                sb.Append("**");
                bold = false;
            }
        }

        void CloseLink()
        {
            CloseEmphasis();
            if (link is not null)
            {
                // A link whose text came out empty is no link at all.
                if (sb.Length == linkStart + 1)
                {
                    sb.Length = linkStart;
                }
                else
                {
                    sb.Append("](").Append(MarkdownText.LinkDestination(link)).Append(')');
                }

                link = null;
            }
        }

        foreach (var s in segments)
        {
            if (s.Link != link)
            {
                CloseLink();
                if (s.Link is not null)
                {
                    linkStart = sb.Length;
                    sb.Append('[');
                    link = s.Link;
                    atStart = false;
                }
            }

            if (s.Bold != bold || (italic && !s.Italic))
            {
                CloseEmphasis();
            }

            if (s.Bold && !bold)
            {
                sb.Append("**");
                bold = true;
                atStart = false;
            }

            if (s.Italic && !italic)
            {
                sb.Append('*');
                italic = true;
                atStart = false;
            }

            if (s.Kind == RunKind.Raw)
            {
                sb.Append(s.Text);
                atStart = false;
                continue;
            }

            var text = MarkdownText.EscapeInline(s.Text);
            if (atStart)
            {
                text = MarkdownText.EscapeLineStart(text);
                atStart = false;
            }

            sb.Append(text);
        }

        CloseLink();
        return sb.ToString().TrimEnd(' ');
    }

}
