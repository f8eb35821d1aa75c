using System.Globalization;
using Lucene.Net.Documents;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Sections;

namespace Portal.Core.Search;

/// <summary>Reads articles for the index and turns them into Lucene documents.</summary>
internal static class SearchDocuments
{
    /// <summary>The indexable articles among the given URL keys; a key not returned has no place in the index.</summary>
    public static async Task<List<Article>> IndexableByKeysAsync(PortalDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        (await Project(db.Articles.AsNoTracking().Where(a => keys.Contains(a.UrlKey))).ToListAsync(cancellationToken))
            .Where(ArticleVisibility.IsIndexable).ToList();

    /// <summary>
    /// The next <paramref name="count"/> articles after id <paramref name="afterId"/> in id order (a
    /// build's batches, read along the primary key), and the indexable ones among them.
    /// </summary>
    public static async Task<(int LastId, List<Article> Indexable)> BatchAfterAsync(PortalDbContext db, int afterId, int count, CancellationToken cancellationToken)
    {
        var batch = await Project(db.Articles.AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).Take(count)).ToListAsync(cancellationToken);
        return (batch.Count == 0 ? afterId : batch[^1].Id, batch.Where(ArticleVisibility.IsIndexable).ToList());
    }

    /// <summary>How many articles the given sections hold.</summary>
    public static Task<int> CountInSectionsAsync(PortalDbContext db, IReadOnlyCollection<int> sectionIds, CancellationToken cancellationToken) =>
        db.Articles.CountAsync(a => sectionIds.Contains(a.SectionId), cancellationToken);

    /// <summary>The URL keys of every article in the given sections (what a section change may affect).</summary>
    public static Task<List<string>> KeysInSectionsAsync(PortalDbContext db, IReadOnlyCollection<int> sectionIds, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().Where(a => sectionIds.Contains(a.SectionId)).Select(a => a.UrlKey).ToListAsync(cancellationToken);

    /// <summary>
    /// The document of an article: its text fields analysed, its section and every section above
    /// it as filter terms, and its publish time for the time filter and date sort. Null when its
    /// section no longer exists (nothing readers could reach).
    /// </summary>
    public static Document? Build(Article article, SectionTree sections, int generation)
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
            // Each keyword is its own phrase: never one running into the next.
            document.Add(new TextField(SearchFields.Keywords, string.Join(" , ", Keywords(article.Keywords)), Field.Store.NO));
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

    /// <summary>The keywords an editor typed, however separated (commas of either width, 、 or semicolons).</summary>
    public static IEnumerable<string> Keywords(string? keywords) =>
        (keywords ?? "").Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string SectionTerm(int sectionId) => sectionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the index and the visibility rule need of an article (not its Markdown, nor its revisions).</summary>
    private static IQueryable<Article> Project(IQueryable<Article> articles) =>
        articles.Select(a => new Article
        {
            Id = a.Id,
            UrlKey = a.UrlKey,
            Title = a.Title,
            Source = a.Source,
            Keywords = a.Keywords,
            Summary = a.Summary,
            BodyHtml = a.BodyHtml,
            SectionId = a.SectionId,
            PublishedAt = a.PublishedAt,
            Status = a.Status,
            DeletedAt = a.DeletedAt,
        });
}
