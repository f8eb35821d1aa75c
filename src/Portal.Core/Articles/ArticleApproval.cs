namespace Portal.Core.Articles;

/// <summary>
/// One review level's approval of a change (初审, 复审, 终审…): who approved which version, when, in
/// which round. Never changed or deleted; the approvals of an article's current
/// <see cref="Article.ReviewRound"/> are the ones that count, and no person appears twice among them.
/// </summary>
public class ArticleApproval
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    /// <summary>The article's <see cref="Article.ReviewRound"/> when approved.</summary>
    public int Round { get; set; }

    /// <summary>1 for the first level (初审), up to the section's <see cref="Sections.Section.ReviewLevels"/>.</summary>
    public int Level { get; set; }

    /// <summary>The revision the reviewer saw and approved.</summary>
    public int RevisionNumber { get; set; }

    public string ReviewerId { get; set; } = "";

    /// <summary>The reviewer's display name at the time.</summary>
    public string ReviewerName { get; set; } = "";

    public DateTime ApprovedAt { get; set; }
}
