using Portal.Core.Audit;
using Portal.Core.Data;

namespace Portal.Core.Articles;

/// <summary>
/// Every save of an article, with all its fields: history lists them, any two can be compared,
/// and any one can be restored as a new draft. Revisions are never changed or deleted.
/// </summary>
public class ArticleRevision
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    /// <summary>1 for the first save of the article, then 2, 3…</summary>
    public int Number { get; set; }

    public string? AuthorId { get; set; }

    /// <summary>The author's display name at the time, so history reads even if the account changes.</summary>
    public string AuthorName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>What the save did, e.g. 保存草稿, 提交审核, 恢复自第3版.</summary>
    public string Note { get; set; } = "";

    public string Title { get; set; } = "";

    public int SectionId { get; set; }

    public string Source { get; set; } = "";

    public DateTime PublishedAt { get; set; }

    public string? Summary { get; set; }

    public string? Keywords { get; set; }

    public int? CoverImageId { get; set; }

    public string BodyMarkdown { get; set; } = "";

    /// <summary>A revision holding every field of <paramref name="article"/> as it is now, numbered like its version.</summary>
    public static ArticleRevision Of(Article article, string? authorId, string authorName, DateTime createdAt, string note) => new()
    {
        ArticleId = article.Id,
        Number = article.Version,
        AuthorId = authorId,
        AuthorName = AuditLog.Truncate(authorName, FieldLengths.DisplayName),
        CreatedAt = createdAt,
        Note = AuditLog.Truncate(note, FieldLengths.RevisionNote),
        Title = article.Title,
        SectionId = article.SectionId,
        Source = article.Source,
        PublishedAt = article.PublishedAt,
        Summary = article.Summary,
        Keywords = article.Keywords,
        CoverImageId = article.CoverImageId,
        BodyMarkdown = article.BodyMarkdown,
    };
}
