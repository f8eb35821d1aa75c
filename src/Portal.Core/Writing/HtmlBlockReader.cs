using System.Globalization;
using AngleSharp.Dom;

namespace Portal.Core.Writing;

/// <summary>
/// Reads clipboard HTML (Word, WPS, web pages) into <see cref="MarkdownBlock"/>s: headings,
/// paragraphs, Word's list paragraphs and HTML lists, tables, bold, italic and links; everything
/// else (fonts, colours, classes, Office markup, comments, tracked deletions, images) is dropped.
/// The walk is recursive up to <see cref="MaxDepth"/> elements deep; below that the content is
/// flattened to its text without recursion, so a hostile nest cannot overflow the stack.
/// </summary>
internal sealed partial class HtmlBlockReader
{
    /// <summary>How deep the structure is followed; deeper content keeps its text only.</summary>
    public const int MaxDepth = 100;

    private readonly List<MarkdownBlock> _blocks = [];
    private List<InlineRun> _inline = [];
    private int _inlineOnly;
    private int _listCount;

    /// <summary>How many images were left out (the clipboard's images cannot be carried).</summary>
    public int Images { get; private set; }

    public static HtmlBlockReader Read(IDocument document)
    {
        var reader = new HtmlBlockReader();
        if (document.Body is { } body)
        {
            reader.Walk(body, default, 0);
            reader.FlushParagraph();
        }

        return reader;
    }

    public IReadOnlyList<MarkdownBlock> Blocks => _blocks;

    private readonly record struct Format(bool Bold, bool Italic, string? Link);

    private void Walk(INode node, Format format, int depth)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AddText(text.Data, format);
                    break;
                case IElement element:
                    Element(element, format, depth + 1);
                    break;
            }
        }
    }

    private void AddText(string data, Format format)
    {
        var text = MarkdownText.CollapseWhiteSpace(data);
        if (text.Length > 0)
        {
            _inline.Add(new InlineRun(RunKind.Text, text, format.Bold, format.Italic, format.Link));
        }
    }

    private void Element(IElement e, Format format, int depth)
    {
        var name = e.LocalName;
        if (IsSkipped(e))
        {
            Images += CountImages(e);
            return;
        }

        if (depth > MaxDepth)
        {
            Flatten(e, format);
            return;
        }

        switch (name)
        {
            case "br":
                _inline.Add(InlineRun.LineBreak);
                return;
            case "img":
                Images++;
                return;
        }

        if (_inlineOnly > 0 && BlockNames.Contains(name))
        {
            // Inside a heading, a table cell or a list item: blocks become line breaks (spaces in cells).
            AddBreak();
            Walk(e, format, depth);
            AddBreak();
            return;
        }

        if (HeadingLevel(e) is { } level)
        {
            FlushParagraph();
            _blocks.Add(new HeadingBlock(level, InlineOf(e, format with { Bold = false }, depth)));
            return;
        }

        if (name == "p" && WordListLevel(e) is { } listLevel)
        {
            FlushParagraph();
            WordListItem(e, listLevel, format, depth);
            return;
        }

        switch (name)
        {
            case "table":
                FlushParagraph();
                Table(e, format, depth);
                return;
            case "ul" or "ol" or "menu" or "dir":
                FlushParagraph();
                HtmlList(e, 0, "html" + (++_listCount).ToString(CultureInfo.InvariantCulture), format, depth);
                return;
        }

        if (BlockNames.Contains(name))
        {
            FlushParagraph();
            Walk(e, format, depth);
            FlushParagraph();
            return;
        }

        Walk(e, Inline(e, format), depth);
    }

    private void WordListItem(IElement p, int level, Format format, int depth)
    {
        // Word writes the rendered marker ("1.", "a)", "·", "§") in a span styled mso-list:Ignore.
        var markerSpan = p.QuerySelectorAll("span").FirstOrDefault(s => s.GetAttribute("style") is not null
            && StyleOf(s).TryGetValue("mso-list", out var v) && v.Equals("ignore", StringComparison.OrdinalIgnoreCase));
        var marker = markerSpan is null ? "" : MarkdownText.CollapseWhiteSpace(markerSpan.TextContent).Trim();
        var runs = InlineOf(p, format, depth);
        if (marker.Length == 0)
        {
            _blocks.Add(new ParagraphBlock(runs));
            return;
        }

        var list = StyleOf(p)["mso-list"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var key = "word-" + (list.FirstOrDefault(x => x.StartsWith("lfo", StringComparison.OrdinalIgnoreCase)) ?? list[0]);
        var ordered = IsOrderedMarker(marker);
        _blocks.Add(new ListItemBlock(key, level, ordered, ordered ? StartOf(marker) : 0, runs));
    }

    private void HtmlList(IElement list, int level, string key, Format format, int depth)
    {
        var ordered = list.LocalName == "ol";
        var start = ordered && int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s is >= 0 and < 100_000_000 ? s : 1;
        foreach (var child in list.Children)
        {
            if (depth > MaxDepth)
            {
                var flat = Capture(() => Flatten(child, format));
                _blocks.Add(new ListItemBlock(key, level, ordered, start, flat));
                continue;
            }

            if (child.LocalName is "ul" or "ol")
            {
                HtmlList(child, level + 1, key, format, depth + 1);
                continue;
            }

            if (IsSkipped(child))
            {
                continue;
            }

            var nested = child.Children.Where(c => c.LocalName is "ul" or "ol").ToList();
            var runs = Capture(() =>
            {
                _inlineOnly++;
                foreach (var node in child.ChildNodes)
                {
                    if (node is IText t)
                    {
                        AddText(t.Data, format);
                    }
                    else if (node is IElement el && !nested.Contains(el))
                    {
                        Element(el, format, depth + 2);
                    }
                }

                _inlineOnly--;
            });
            _blocks.Add(new ListItemBlock(key, level, ordered, start, runs));
            foreach (var n in nested)
            {
                HtmlList(n, level + 1, key, format, depth + 2);
            }
        }
    }

    private void Table(IElement table, Format format, int depth)
    {
        var rows = new List<IReadOnlyList<IReadOnlyList<InlineRun>>>();
        var spans = new Dictionary<int, int>(); // column → rows still covered by a rowspan above
        foreach (var tr in RowsOf(table))
        {
            var row = new List<IReadOnlyList<InlineRun>>();
            foreach (var cell in tr.Children.Where(c => c.LocalName is "td" or "th"))
            {
                while (spans.TryGetValue(row.Count, out var left) && left > 0)
                {
                    spans[row.Count] = left - 1;
                    row.Add([]);
                }

                var colspan = Math.Clamp(IntAttribute(cell, "colspan"), 1, 100);
                var rowspan = Math.Clamp(IntAttribute(cell, "rowspan"), 1, 1000);
                for (var c = 0; c < colspan; c++)
                {
                    if (rowspan > 1)
                    {
                        spans[row.Count] = rowspan - 1;
                    }

                    row.Add(c == 0 ? InlineOf(cell, format, depth) : []);
                }
            }

            while (spans.TryGetValue(row.Count, out var rest) && rest > 0)
            {
                spans[row.Count] = rest - 1;
                row.Add([]);
            }

            if (row.Count > 0)
            {
                rows.Add(row);
            }
        }

        if (rows.Count > 0)
        {
            _blocks.Add(new TableBlock(rows));
        }
    }

    private List<InlineRun> Capture(Action work)
    {
        var saved = _inline;
        _inline = [];
        work();
        var captured = _inline;
        _inline = saved;
        return captured;
    }

    private void AddBreak()
    {
        if (_inline.Count > 0 && _inline[^1].Kind != RunKind.Break)
        {
            _inline.Add(InlineRun.LineBreak);
        }
    }

    private void FlushParagraph()
    {
        if (_inline.Count > 0 && _inlineOnly == 0)
        {
            if (_inline.Exists(r => r.Kind != RunKind.Break && r.Text.Trim().Length > 0))
            {
                _blocks.Add(new ParagraphBlock(_inline));
            }

            _inline = [];
        }
    }

    /// <summary>The text below <paramref name="root"/>, without recursion: too deep for structure.</summary>
    private void Flatten(IElement root, Format format)
    {
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                AddText(text.Data, format);
                continue;
            }

            if (node is IElement el)
            {
                if (IsSkipped(el) || el.LocalName == "img")
                {
                    Images += CountImages(el);
                    continue;
                }

                if (el.LocalName == "br" || BlockNames.Contains(el.LocalName))
                {
                    AddText(" ", format);
                }
            }

            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(node.ChildNodes[i]);
            }
        }
    }

}
