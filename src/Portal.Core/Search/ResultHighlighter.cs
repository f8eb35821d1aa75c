using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Portal.Core.Articles;

namespace Portal.Core.Search;

/// <summary>
/// Marks a query's words in a result's title and in fragments of its body, with <c>&lt;mark&gt;</c>
/// around them and everything else HTML-encoded: what the result list writes as HTML. One per
/// result page (its highlighters serve every result of it).
/// </summary>
internal sealed class ResultHighlighter(SearchIndex index, Query query, IReadOnlyList<string> needles)
{
    private const int FragmentLength = 90;

    private readonly Highlighter _title = Create(query, SearchFields.Title, whole: true);
    private readonly Highlighter _titleChars = Create(query, SearchFields.TitleChars, whole: true);
    private readonly Highlighter _body = Create(query, SearchFields.Body, whole: false);
    private readonly Highlighter _bodyChars = Create(query, SearchFields.BodyChars, whole: false);

    /// <summary>
    /// The title, its matched words marked: by words first (they never overlap, so each is marked
    /// alone), by character pairs for a run the segmenter cut otherwise. Pairs overlap, and Lucene
    /// marks a whole run of overlapping tokens from its first match to its last.
    /// </summary>
    public string Title(string title) =>
        Best(_title, index.Analyzer, SearchFields.Title, title, 1)
        ?? Best(_titleChars, index.CharacterAnalyzer, SearchFields.TitleChars, title, 1)
        ?? Encode(title);

    /// <summary>Up to two fragments of the body around the matched words; the summary (or the body's start) when the words matched elsewhere.</summary>
    public string Fragment(string bodyHtml, string? summary)
    {
        var text = Window(ArticleText.PlainText(bodyHtml), needles);
        return Best(_body, index.Analyzer, SearchFields.Body, text, 2)
            ?? Best(_bodyChars, index.CharacterAnalyzer, SearchFields.BodyChars, text, 2)
            ?? Encode(string.IsNullOrWhiteSpace(summary) ? ArticleText.Excerpt(bodyHtml, FragmentLength * 2) ?? "" : summary);
    }

    /// <summary>
    /// The part of a body worth highlighting: from a little before the first place any of the
    /// words occurs (the start when none does). Analysing a whole long report for every result
    /// would cost more than the search itself.
    /// </summary>
    private static string Window(string text, IReadOnlyList<string> needles)
    {
        const int before = 40;
        const int length = FragmentLength * 3;
        if (text.Length <= length)
        {
            return text;
        }

        var first = needles.Select(n => text.IndexOf(n, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - before);
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        var end = Math.Min(text.Length, start + length);
        if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>
    /// A highlighter that marks the query's words by term alone (no positions): the phrase parts of
    /// the query only rank, and scoring spans would build a small index of every result's text.
    /// </summary>
    private static Highlighter Create(Query query, string field, bool whole)
    {
        var scorer = new QueryTermScorer(query, field);
        return new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), ReadableHtmlEncoder.Instance, scorer)
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleFragmenter(FragmentLength),
            MaxDocCharsToAnalyze = 20_000,
        };
    }

    /// <summary>The best fragments of <paramref name="text"/> with the matches marked (and the text encoded), or null without a match.</summary>
    private static string? Best(Highlighter highlighter, Analyzer analyzer, string field, string text, int fragments)
    {
        try
        {
            var best = highlighter.GetBestFragments(analyzer.GetTokenStream(field, text), text, fragments, "…");
            return best.Length == 0 ? null : string.Join("…", best);
        }
        catch (InvalidTokenOffsetsException)
        {
            return null;
        }
    }

    private static string Encode(string text) => ReadableHtmlEncoder.Instance.EncodeText(text);
}
