namespace Portal.Core.Articles;

/// <summary>
/// An article in the recycle bin: what it was (section, status), when it was deleted and by whom
/// (the display name; null when neither the article nor the audit log says).
/// </summary>
public sealed record ArticleBinItem(int Id, string Title, string SectionName, ArticleStatus Status, DateTime DeletedAt, string? DeletedBy);
