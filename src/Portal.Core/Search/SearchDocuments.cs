using System.Globalization;
using Lucene.Net.Documents;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Sections;

namespace Portal.Core.Search;

/// <summary>What the index needs of an article, read in one projection.</summary>
internal sealed record IndexedArticle(
    int Id, string UrlKey, string Title, string Source, string? Keywords, string? Summary, string BodyHtml,
    int SectionId, DateTime PublishedAt);

/// <summary>Reads articles for the index and turns them into Lucene documents.</summary>
internal static class SearchDocuments
{
    /// <summary>The indexable articles among the given URL keys; a key not returned has no place in the index.</summary>
    public static Task<List<IndexedArticle>> IndexableByKeysAsync(PortalDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        Project(db.Articles.AsNoTracking().Where(ArticleVisibility.Indexable).Where(a => keys.Contains(a.UrlKey))).ToListAsync(cancellationToken);

    /// <summary>The next <paramref name="count"/> indexable articles after id <paramref name="afterId"/>, in id order (a rebuild's batches).</summary>
    public static Task<List<IndexedArticle>> IndexableAfterAsync(PortalDbContext db, int afterId, int count, CancellationToken cancellationToken) =>
        Project(db.Articles.AsNoTracking().Where(ArticleVisibility.Indexable).Where(a => a.Id > afterId).OrderBy(a => a.Id).Take(count))
            .ToListAsync(cancellationToken);

    /// <summary>The URL keys of every article in the given sections (what a section change may affect).</summary>
    public static Task<List<string>> KeysInSectionsAsync(PortalDbContext db, IReadOnlyCollection<int> sectionIds, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().Where(a => sectionIds.Contains(a.SectionId)).Select(a => a.UrlKey).ToListAsync(cancellationToken);

    /// <summary>
    /// The document of an article: its text fields analysed, its section and every section above
    /// it as filter terms, and its publish time for the time filter and date sort. Null when its
    /// section no longer exists (nothing readers could reach).
    /// </summary>
    public static Document? Build(IndexedArticle article, SectionTree sections, int generation)
    {
        if (sections.Find(article.SectionId) is not { } section)
        {
            return null;
        }

        var ticks = article.PublishedAt.Ticks;
        var body = ArticleText.PlainText(article.BodyHtml);
        var document = new Document
        {
            new StringField(SearchFields.Key, article.UrlKey, Field.Store.YES),
            new TextField(SearchFields.Title, article.Title, Field.Store.NO),
            new TextField(SearchFields.TitleChars, article.Title, Field.Store.NO),
            new TextField(SearchFields.Source, article.Source, Field.Store.NO),
            new TextField(SearchFields.Body, body, Field.Store.NO),
            new TextField(SearchFields.BodyChars, body, Field.Store.NO),
            new Int64Field(SearchFields.Published, ticks, Field.Store.NO),
            new NumericDocValuesField(SearchFields.PublishedOrder, ticks),
            new Int32Field(SearchFields.Generation, generation, Field.Store.NO),
        };
        if (!string.IsNullOrWhiteSpace(article.Keywords))
        {
            // Editors separate keywords with commas of either width, or 、: each is its own phrase.
            document.Add(new TextField(SearchFields.Keywords, article.Keywords.Replace('，', ',').Replace('、', ','), Field.Store.NO));
        }

        if (!string.IsNullOrWhiteSpace(article.Summary))
        {
            document.Add(new TextField(SearchFields.Summary, article.Summary, Field.Store.NO));
        }

        foreach (var node in SectionTree.Ancestry(section))
        {
            document.Add(new StringField(SearchFields.Section, SectionTerm(node.Id), Field.Store.NO));
        }

        return document;
    }

    public static string SectionTerm(int sectionId) => sectionId.ToString(CultureInfo.InvariantCulture);

    private static IQueryable<IndexedArticle> Project(IQueryable<Article> articles) =>
        articles.Select(a => new IndexedArticle(
            a.Id, a.UrlKey, a.Title, a.Source, a.Keywords, a.Summary, a.BodyHtml, a.SectionId, a.PublishedAt));
}
