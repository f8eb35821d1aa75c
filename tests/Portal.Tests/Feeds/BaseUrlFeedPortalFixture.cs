namespace Portal.Tests.Feeds;

/// <summary>The same content on a portal with <c>Site:BaseUrl</c> set.</summary>
public sealed class BaseUrlFeedPortalFixture() : FeedPortalFixture(new Dictionary<string, string?> { ["Site:BaseUrl"] = BaseUrl })
{
    public const string BaseUrl = "https://www.example.gov.cn";
}
