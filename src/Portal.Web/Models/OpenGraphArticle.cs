namespace Portal.Web.Models;

/// <summary>What an article page gives its Open Graph tags (og:url and og:site_name come from the page head).</summary>
/// <param name="Title">og:title.</param>
/// <param name="Description">og:description; null when the article has no text to describe it with.</param>
/// <param name="ImagePath">The cover image's site-relative address (og:image, made absolute); null without a cover.</param>
public sealed record OpenGraphArticle(string Title, string? Description, string? ImagePath);
