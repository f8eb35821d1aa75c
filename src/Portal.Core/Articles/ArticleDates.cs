namespace Portal.Core.Articles;

/// <summary>A visible article's address key and dates: all the sitemap needs of it.</summary>
public sealed record ArticleDates(string UrlKey, DateTime PublishedAt, DateTime UpdatedAt)
{
    /// <summary>When the article last changed for readers: the later of its publish and update times.</summary>
    public DateTime LastModified => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
}
