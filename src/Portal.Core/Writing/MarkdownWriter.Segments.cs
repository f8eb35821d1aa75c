using System.Text;

namespace Portal.Core.Writing;

/// <summary>The runs of one line made ready for writing: merged, white space collapsed, emphasis kept off its edges.</summary>
internal static partial class MarkdownWriter
{
    /// <summary>
    /// The line's runs merged where their formatting is the same, white space collapsed and
    /// trimmed at the line's ends, and emphasis moved off white space and punctuation at its edges.
    /// </summary>
    private static List<InlineRun> Segments(List<InlineRun> runs)
    {
        var merged = new List<InlineRun>();
        foreach (var run in runs)
        {
            var text = run.Kind == RunKind.Raw ? run.Text : run.Text.Replace('\u00a0', ' ').Replace('\t', ' ');
            if (merged.Count > 0 && merged[^1] is { Kind: RunKind.Text } last && run.Kind == RunKind.Text
                && last.Bold == run.Bold && last.Italic == run.Italic && last.Link == run.Link)
            {
                merged[^1] = last with { Text = last.Text + text };
            }
            else
            {
                merged.Add(run with { Text = text });
            }
        }

        var result = new List<InlineRun>();
        for (var i = 0; i < merged.Count; i++)
        {
            var run = merged[i];
            if (run.Kind == RunKind.Raw)
            {
                result.Add(run);
                continue;
            }

            var text = CollapseSpaces(run.Text);
            if (!run.Bold && !run.Italic)
            {
                result.Add(run with { Text = text });
                continue;
            }

            // White space never stays inside the markers; punctuation only where CommonMark's
            // flanking rules still accept them, that is next to white space, punctuation or the
            // line's edge (中**“引号”**中 would stay literal asterisks: 中“**引号**”中 does not).
            var before = i > 0 && merged[i - 1].Text.Length > 0 ? merged[i - 1].Text[^1] : ' ';
            var after = i + 1 < merged.Count && merged[i + 1].Text.Length > 0 ? merged[i + 1].Text[0] : ' ';
            bool keepLeading = IsEdge(before), keepTrailing = IsEdge(after);
            var start = 0;
            var end = text.Length;
            while (start < end && (char.IsWhiteSpace(text[start]) || (!keepLeading && IsEdge(text[start]))))
            {
                start++;
            }

            while (end > start && (char.IsWhiteSpace(text[end - 1]) || (!keepTrailing && IsEdge(text[end - 1]))))
            {
                end--;
            }

            var plain = run with { Bold = false, Italic = false };
            if (start > 0)
            {
                result.Add(plain with { Text = text[..start] });
            }

            if (end > start)
            {
                result.Add(run with { Text = text[start..end] });
            }

            if (end < text.Length && end >= start)
            {
                result.Add(plain with { Text = text[Math.Max(end, start)..] });
            }
        }

        // Trim the line's ends (a leading space or full-width indentation space is layout, not text).
        while (result.Count > 0 && result[0].Kind == RunKind.Text)
        {
            var t = result[0].Text.TrimStart(' ', '\u3000');
            if (t.Length > 0)
            {
                result[0] = result[0] with { Text = t };
                break;
            }

            result.RemoveAt(0);
        }

        while (result.Count > 0 && result[^1].Kind == RunKind.Text)
        {
            var t = result[^1].Text.TrimEnd(' ');
            if (t.Length > 0)
            {
                result[^1] = result[^1] with { Text = t };
                break;
            }

            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    private static string CollapseSpaces(string text)
    {
        if (!text.Contains("  ", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c != ' ' || sb.Length == 0 || sb[^1] != ' ')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsEdge(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);
}
