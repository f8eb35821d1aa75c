using Portal.Core.Sections;

namespace Portal.Core.Articles;

/// <summary>A news article or notice, published in one section.</summary>
public class Article
{
    public int Id { get; set; }

    /// <summary>
    /// The stable, URL-safe key of the article's public address (<c>/articles/{UrlKey}</c>).
    /// Written once when the article is created and never derived from the title again, so editing
    /// the title keeps every link that readers, search engines and inspectors already hold.
    /// </summary>
    public string UrlKey { get; set; } = "";

    /// <summary>
    /// The key an importer matches on (source + date + title of the imported page); null for
    /// articles written in the admin area. Re-importing a page updates the article in place.
    /// </summary>
    public string? ImportKey { get; set; }

    public string Title { get; set; } = "";

    public int SectionId { get; set; }

    public Section? Section { get; set; }

    /// <summary>When the article is (or was) published, in UTC.</summary>
    public DateTime PublishedAt { get; set; }

    /// <summary>来源: the organisation the text comes from.</summary>
    public string Source { get; set; } = "";

    /// <summary>The body as the editor wrote it (Markdown, raw HTML disabled).</summary>
    public string BodyMarkdown { get; set; } = "";

    /// <summary>The body rendered by <see cref="MarkdownRenderer"/> and sanitised; what readers see.</summary>
    public string BodyHtml { get; set; } = "";

    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
