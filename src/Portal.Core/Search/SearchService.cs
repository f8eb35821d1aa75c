using System.Globalization;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Paging;
using Portal.Core.Site;

namespace Portal.Core.Search;

/// <summary>
/// 站内搜索: turns what a reader typed into a Lucene query over the index (never Lucene's query
/// syntax: the words are segmented by the same analyzer as the articles and every one of them is
/// required, in any field, the title weighing most), filters by section, date range and publish
/// time, pages, and reads the page's articles from the store, which has the last word on what
/// readers may see. Any input is a search; nothing a reader types is an error.
/// </summary>
public sealed class SearchService(SearchIndex index, PortalDbContext db, SiteContext site, SiteClock clock, TimeProvider time)
{
    /// <summary>Results per page.</summary>
    public const int PageSize = 20;

    /// <summary>The longest query searched, in characters; the rest is cut (and the reader told).</summary>
    public const int MaxQueryLength = 100;

    /// <summary>The most words of a query that are searched.</summary>
    public const int MaxTerms = 24;

    /// <summary>How many related articles an article page lists.</summary>
    public const int RelatedCount = 5;

    /// <summary>
    /// The most results a reader can page to (50 pages): deeper pages would make every request
    /// rank that many documents. The count shown is still the whole number found.
    /// </summary>
    public const int MaxResults = 1000;

    private static readonly Sort ByDate = new(new SortField(SearchFields.PublishedOrder, SortFieldType.INT64, true), SortField.FIELD_SCORE);

    /// <summary>Runs a search; bad input is corrected and explained in <see cref="SearchResults.Notices"/>, never refused.</summary>
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var notices = new List<string>();
        var text = SearchText.Normalize(request.Query);
        if (text.Length > MaxQueryLength)
        {
            text = SearchText.Cut(text, MaxQueryLength);
            notices.Add($"搜索词过长，已只按前 {MaxQueryLength} 个字搜索。");
        }

        var (from, to) = (request.From, request.To);
        if (from is { } f && to is { } t && t < f)
        {
            (from, to) = (t, f);
            notices.Add($"结束日期早于开始日期，已按 {Day(t)} 至 {Day(f)} 搜索。");
        }

        var sections = await site.GetSectionsAsync(cancellationToken);
        var sectionId = request.SectionId;
        if (sectionId is { } id && sections.Find(id) is null)
        {
            sectionId = null;
            notices.Add("所选栏目不存在，已在全部栏目中搜索。");
        }

        var normalized = request with { Query = text, SectionId = sectionId, From = from, To = to, Page = Math.Max(1, request.Page) };
        var terms = Terms(text);
        if (terms.Count == 0)
        {
            if (text.Length > 0)
            {
                notices.Add("搜索词中没有可以检索的字词，请换一个词再试。");
            }

            return new SearchResults(new PagedList<SearchHit>([], 1, PageSize, 0), text, normalized, notices);
        }

        var found = index.Search(s => Find(s, Limited(Build(text, terms, requireAll: true), sectionId, from, to), normalized));
        if (found is { Total: 0 } && terms.Count > 1)
        {
            var loose = index.Search(s => Find(s, Limited(Build(text, terms, requireAll: false), sectionId, from, to), normalized));
            if (loose is { Total: > 0 })
            {
                found = loose;
                notices.Add("没有同时包含所有搜索词的信息，以下是包含部分搜索词的结果。");
            }
        }

        if (found is null)
        {
            notices.Add("站内搜索正在建立索引，请稍后再试。");
            return new SearchResults(new PagedList<SearchHit>([], 1, PageSize, 0), text, normalized, notices);
        }

        if (found.Page < normalized.Page)
        {
            notices.Add(found.Total > MaxResults
                ? $"只能查看前 {MaxResults} 条结果（{found.PageCount} 页），已显示最后一页；请增加搜索词，或按栏目、日期缩小范围。"
                : $"搜索结果共 {found.PageCount} 页，已显示最后一页。");
            normalized = normalized with { Page = found.Page };
        }

        if (index.IsBuilding)
        {
            notices.Add("站内搜索的索引正在更新，结果可能暂不完整。");
        }

        var hits = await HitsAsync(found.Keys, found.Query, [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries), .. terms], cancellationToken);
        return new SearchResults(new PagedList<SearchHit>(hits, found.Page, PageSize, Math.Min(found.Total, MaxResults)), text, normalized, notices) { TotalFound = found.Total };
    }

    /// <summary>
    /// Up to <see cref="RelatedCount"/> visible articles like the given one: sharing its keywords
    /// (which weigh most), words of its title, or its section.
    /// </summary>
    public async Task<IReadOnlyList<ArticleListItem>> RelatedAsync(ArticleDetail article, CancellationToken cancellationToken = default)
    {
        var query = new BooleanQuery();
        foreach (var keyword in SearchDocuments.Keywords(article.Keywords))
        {
            var words = Terms(keyword);
            if (words.Count > 0)
            {
                query.Add(Phrase(SearchFields.Keywords, words, 6f), Occur.SHOULD);
                query.Add(Phrase(SearchFields.Title, words, 2f), Occur.SHOULD);
            }
        }

        foreach (var word in Terms(article.Title).Where(w => w.Length > 1))
        {
            query.Add(new TermQuery(new Term(SearchFields.Title, word)) { Boost = 1f }, Occur.SHOULD);
        }

        query.Add(new TermQuery(new Term(SearchFields.Section, SearchDocuments.SectionTerm(article.SectionId))) { Boost = 0.5f }, Occur.SHOULD);
        query.Add(new TermQuery(new Term(SearchFields.Key, article.UrlKey)), Occur.MUST_NOT);
        var keys = index.Search(s => s.Search(Limited(query, null, null, null), RelatedCount).ScoreDocs
            .Select(d => s.Doc(d.Doc).Get(SearchFields.Key, CultureInfo.InvariantCulture)).ToList());
        if (keys is null || keys.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = await VisibleByKeysAsync(keys, cancellationToken);
        return keys.Where(rows.ContainsKey).Select(k => rows[k]).Select(a => new ArticleListItem(a.Id, a.UrlKey, a.Title, a.PublishedAt, a.SectionId)).ToList();
    }

    /// <summary>
    /// The words of <paramref name="text"/> as the index holds them (segmented, lower-cased,
    /// punctuation dropped), each once, in order.
    /// </summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = index.Analyzer.GetTokenStream(SearchFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < MaxTerms)
        {
            var value = term.ToString();
            if (!terms.Contains(value, StringComparer.Ordinal))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Every word must occur (in any field) when <paramref name="requireAll"/>, otherwise any; or
    /// else each run of characters the reader typed must occur as it is, in the title or body (so a
    /// phrase the segmenter cuts differently in an article is still found). Words standing
    /// together in the title or body rank higher.
    /// </summary>
    private BooleanQuery Build(string text, IReadOnlyList<string> terms, bool requireAll)
    {
        var words = new BooleanQuery();
        foreach (var term in terms)
        {
            var anyField = new BooleanQuery(disableCoord: true);
            foreach (var (field, boost) in SearchFields.Weighted)
            {
                anyField.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
            }

            words.Add(anyField, requireAll ? Occur.MUST : Occur.SHOULD);
        }

        var match = new BooleanQuery { { words, Occur.SHOULD } };
        if (Exact(text) is { } exact)
        {
            match.Add(exact, Occur.SHOULD);
        }

        var query = new BooleanQuery { { match, Occur.MUST } };
        if (terms.Count > 1)
        {
            query.Add(Phrase(SearchFields.Title, terms, 4f), Occur.SHOULD);
            query.Add(Phrase(SearchFields.Body, terms, 1f), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>Each space-separated part of <paramref name="text"/> as an exact run of characters in the title (weighing more) or the body; null when nothing is left to match.</summary>
    private BooleanQuery? Exact(string text)
    {
        var exact = new BooleanQuery();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CharacterPhrase(SearchFields.TitleChars, part, 5f) is { } title && CharacterPhrase(SearchFields.BodyChars, part, 2f) is { } body)
            {
                exact.Add(new BooleanQuery(disableCoord: true) { { title, Occur.SHOULD }, { body, Occur.SHOULD } }, Occur.MUST);
            }
        }

        return exact.Clauses.Count == 0 ? null : exact;
    }

    private PhraseQuery? CharacterPhrase(string field, string text, float boost)
    {
        var phrase = new PhraseQuery { Boost = boost };
        using var stream = index.CharacterAnalyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            phrase.Add(new Term(field, term.ToString()), position);
        }

        stream.End();
        return phrase.GetTerms().Length == 0 ? null : phrase;
    }

    private static PhraseQuery Phrase(string field, IReadOnlyList<string> terms, float boost)
    {
        var phrase = new PhraseQuery { Slop = 2, Boost = boost };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }

        return phrase;
    }

    /// <summary>
    /// <paramref name="query"/> limited to what readers may find: nothing dated after now (a
    /// "not in the future" clause, which reads only the few future documents rather than every
    /// past one), and the chosen section and dates (site-local days) when there are any.
    /// </summary>
    private BooleanQuery Limited(Query query, int? sectionId, DateOnly? from, DateOnly? to)
    {
        var now = time.GetUtcNow().UtcDateTime.Ticks;
        var limited = new BooleanQuery
        {
            { query, Occur.MUST },
            { NumericRangeQuery.NewInt64Range(SearchFields.Published, now + 1, null, true, true), Occur.MUST_NOT },
        };
        if (from is not null || to is not null)
        {
            long? lower = from is { } f ? clock.StartOfDayUtc(f).Ticks : null;
            long? upper = to is { } t && t < DateOnly.MaxValue ? clock.StartOfDayUtc(t.AddDays(1)).Ticks - 1 : null;
            limited.Add(new ConstantScoreQuery(NumericRangeQuery.NewInt64Range(SearchFields.Published, lower, upper, true, true)) { Boost = 0 }, Occur.MUST);
        }

        if (sectionId is { } id)
        {
            limited.Add(new ConstantScoreQuery(new TermQuery(new Term(SearchFields.Section, SearchDocuments.SectionTerm(id)))) { Boost = 0 }, Occur.MUST);
        }

        return limited;
    }

    private static Found Find(IndexSearcher searcher, Query query, SearchRequest request)
    {
        // Never more than the reachable results are ranked, whatever page was asked for.
        var page = Math.Min(request.Page, MaxResults / PageSize);
        var top = request.Sort == SearchSort.Date ? searcher.Search(query, page * PageSize, ByDate) : searcher.Search(query, page * PageSize);
        page = Math.Min(page, PageCountOf(Math.Min(top.TotalHits, MaxResults)));
        var keys = top.ScoreDocs.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(d => searcher.Doc(d.Doc).Get(SearchFields.Key, CultureInfo.InvariantCulture))
            .ToList();
        return new Found(keys, top.TotalHits, page, PageCountOf(Math.Min(top.TotalHits, MaxResults)), query);
    }

    private static int PageCountOf(int total) => total == 0 ? 1 : (total + PageSize - 1) / PageSize;

    /// <summary>The page's articles from the store (still visible: the index may be a moment behind), in result order, highlighted.</summary>
    private async Task<List<SearchHit>> HitsAsync(IReadOnlyList<string> keys, Query query, IReadOnlyList<string> needles, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var rows = await VisibleByKeysAsync(keys, cancellationToken);
        var highlighter = new ResultHighlighter(index, query, needles);
        var hits = new List<SearchHit>(keys.Count);
        foreach (var key in keys)
        {
            if (rows.TryGetValue(key, out var row))
            {
                hits.Add(new SearchHit(row.UrlKey, row.Title, highlighter.Title(row.Title), highlighter.Fragment(row.BodyHtml, row.Summary), row.PublishedAt, row.SectionId));
            }
        }

        return hits;
    }

    /// <summary>
    /// The result page's articles by key, those readers may see now. Read by key alone and checked
    /// after: with the status in the same query, SQLite's planner takes the status index and reads
    /// every article (350 ms at 100,000), where the key index reads twenty.
    /// </summary>
    private async Task<Dictionary<string, Article>> VisibleByKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Articles.AsNoTracking().Where(a => keys.Contains(a.UrlKey))
            .Select(a => new Article
            {
                Id = a.Id,
                UrlKey = a.UrlKey,
                Title = a.Title,
                Summary = a.Summary,
                BodyHtml = a.BodyHtml,
                PublishedAt = a.PublishedAt,
                SectionId = a.SectionId,
                Status = a.Status,
                DeletedAt = a.DeletedAt,
            })
            .ToListAsync(cancellationToken);
        return rows.Where(a => ArticleVisibility.IsVisibleAt(a, now)).ToDictionary(a => a.UrlKey, StringComparer.Ordinal);
    }

    private sealed record Found(IReadOnlyList<string> Keys, int Total, int Page, int PageCount, Query Query);
}
