namespace Portal.Core.Home;

/// <summary>
/// An article as a home-page block shows it: a dated link, and for 头条 and 图片新闻 the summary
/// and the cover image (its stored name and text alternative).
/// </summary>
public sealed record HomeArticle(
    int Id,
    string UrlKey,
    string Title,
    DateTime PublishedAt,
    string? Summary = null,
    string? ImageName = null,
    string? ImageAlt = null);
