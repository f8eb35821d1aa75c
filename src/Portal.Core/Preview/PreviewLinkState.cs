namespace Portal.Core.Preview;

/// <summary>What a preview token leads to.</summary>
public enum PreviewLinkState
{
    /// <summary>The link works: the article's pinned version is shown.</summary>
    Valid,

    /// <summary>Malformed, forged or unknown: answered like any missing page (404).</summary>
    Unknown,

    /// <summary>Past its expiry (410 预览链接已过期).</summary>
    Expired,

    /// <summary>Revoked by a reviewer, or by moving the article to the recycle bin (410 预览链接已被撤销).</summary>
    Revoked,
}
