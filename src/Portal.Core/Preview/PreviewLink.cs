using Portal.Core.Articles;

namespace Portal.Core.Preview;

/// <summary>
/// 预览链接: a read-only address (<c>/preview/{token}</c>) that shows one saved version of an
/// article to someone without an account (a leader who signs it off, 领导审签) until it expires
/// or is revoked. Only the SHA-256 hash of the token is stored, so a reader of the database (or of
/// a copy of it) cannot open any link.
/// </summary>
public class PreviewLink
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    /// <summary>The SHA-256 hash of the token, 64 lower-case hex digits (<see cref="PreviewToken.Hash"/>).</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>
    /// The article's version when the link was made: the link shows that revision's text, because
    /// a sign-off is for a particular text, and says so when the article has changed since.
    /// </summary>
    public int ArticleVersion { get; set; }

    /// <summary>An optional note for the list (送某某领导审签).</summary>
    public string? Note { get; set; }

    public string? CreatedById { get; set; }

    /// <summary>The creator's display name at the time.</summary>
    public string CreatedByName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedByName { get; set; }

    /// <summary>How often the page was opened (a single conditional increment per view).</summary>
    public int ViewCount { get; set; }

    public DateTime? FirstViewedAt { get; set; }

    public DateTime? LastViewedAt { get; set; }
}
