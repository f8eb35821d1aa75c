namespace Portal.Tests.Feeds;

/// <summary>The same content on a portal whose sitemap files hold two URLs each, so the sitemap is an index.</summary>
public sealed class SplitSitemapPortalFixture() : FeedPortalFixture(new Dictionary<string, string?> { ["Site:SitemapUrlsPerFile"] = "2" })
{
}
