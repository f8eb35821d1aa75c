namespace Portal.Web.ViewComponents;

/// <summary>A feed a page announces: its title (null when the site has no name yet) and its site-relative address.</summary>
public sealed record FeedLink(string? Title, string Path);
