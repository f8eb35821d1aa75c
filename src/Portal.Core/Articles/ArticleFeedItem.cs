namespace Portal.Core.Articles;

/// <summary>An article as a feed lists it: its link, dates and description (<see cref="ArticleText.Description"/>).</summary>
public sealed record ArticleFeedItem(int Id, string UrlKey, string Title, DateTime PublishedAt, DateTime UpdatedAt, string? Description);
