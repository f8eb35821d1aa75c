namespace Portal.Core.Articles;

/// <summary>Where an article stands in the publishing workflow. Stored as text so the database reads plainly.</summary>
public enum ArticleStatus
{
    Draft,
    Submitted,
    Published,
    Withdrawn,
}
