namespace Portal.Core.Articles;

/// <summary>Where an article stands in the publishing workflow. Stored as text so the database reads plainly.</summary>
public enum ArticleStatus
{
    /// <summary>草稿: being written; only editors see it.</summary>
    Draft,

    /// <summary>待审: submitted for review.</summary>
    Submitted,

    /// <summary>已退回: a reviewer sent it back with a comment.</summary>
    Returned,

    /// <summary>定时发布: approved, to be published at <see cref="Article.PublishedAt"/>.</summary>
    Scheduled,

    /// <summary>已发布: readers see it.</summary>
    Published,

    /// <summary>已撤回: taken off the site by a reviewer.</summary>
    Withdrawn,
}
