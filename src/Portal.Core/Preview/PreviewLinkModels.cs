using Portal.Core.Site;
using Portal.Core.Articles;

namespace Portal.Core.Preview;

/// <summary>A preview link as the edit page lists it (times in UTC; the page shows them in site time).</summary>
public sealed record PreviewLinkItem(
    int Id,
    int ArticleVersion,
    string CreatedByName,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    string? Note,
    DateTime? RevokedAt,
    string? RevokedByName,
    int ViewCount,
    DateTime? LastViewedAt)
{
    /// <summary>Whether the link still opens at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTime now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>The outcome of creating a link: the token (shown once, never stored) on success.</summary>
public sealed record PreviewLinkCreated(CommandResult Result, string? Token);

/// <summary>
/// What <c>/preview/{token}</c> shows: the state of the link and, when valid, the article as it
/// was saved in the link's version (<see cref="Content"/>), with how far the article has moved on.
/// </summary>
public sealed record PreviewLinkView(
    PreviewLinkState State,
    int LinkId = 0,
    int ArticleId = 0,
    ArticleDetail? Content = null,
    int LinkVersion = 0,
    int CurrentVersion = 0,
    DateTime ExpiresAt = default,
    string? Note = null)
{
    /// <summary>Whether the article was saved again after the link was made.</summary>
    public bool HasNewerVersion => CurrentVersion > LinkVersion;
}
