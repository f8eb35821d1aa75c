using AngleSharp.Dom;

namespace Portal.Tests.Feeds;

/// <summary>
/// With <c>Site:BaseUrl</c> set, every absolute link names that address, whatever Host header a
/// request carries (<see cref="FeedTests.Feed_WithoutBaseUrl_LinksOnTheServersAddressNotTheRequestsHost"/>
/// shows the header reaches the app).
/// </summary>
public sealed class BaseUrlTests(BaseUrlFeedPortalFixture portal) : IClassFixture<BaseUrlFeedPortalFixture>
{
    private const string BaseUrl = BaseUrlFeedPortalFixture.BaseUrl;
    private const string HostileHost = "evil.example";

    [Theory]
    [InlineData("/rss.xml")]
    [InlineData("/xinwen/rss.xml")]
    public async Task Feed_WithBaseUrl_LinksOnItNotOnTheRequestsHost(string url)
    {
        using var client = portal.Factory.CreateClientWithHost(HostileHost);

        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var xml = System.Xml.Linq.XDocument.Parse(body);

        var channel = xml.Root!.Element("channel")!;
        Assert.StartsWith(BaseUrl + "/", (string?)channel.Element("link"), StringComparison.Ordinal);
        var items = FeedTests.Items(xml);
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.StartsWith(BaseUrl + "/articles/", (string?)i.Element("link"), StringComparison.Ordinal));
        Assert.All(items, i => Assert.StartsWith(BaseUrl + "/articles/", (string?)i.Element("guid"), StringComparison.Ordinal));
        Assert.DoesNotContain(HostileHost, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sitemap_WithBaseUrl_ListsExactlyTheExpectedUrlsOnIt()
    {
        using var client = portal.Factory.CreateClientWithHost(HostileHost);

        var (_, xml) = await portal.Factory.GetXmlAsync("/sitemap.xml", client);

        var expected = await portal.ExpectedSitemapAsync(BaseUrl);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), SitemapTests.Urls(xml).Select(u => u.Loc).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Robots_WithBaseUrl_NamesTheSitemapOnIt()
    {
        using var client = portal.Factory.CreateClientWithHost(HostileHost);

        var text = await client.GetStringAsync("/robots.txt");

        Assert.Contains($"Sitemap: {BaseUrl}/sitemap.xml", text.Split('\n'));
        Assert.DoesNotContain(HostileHost, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_WithBaseUrl_CanonicalOpenGraphAndSiteDomainUseIt()
    {
        using var client = portal.Factory.CreateClientWithHost(HostileHost);

        var (_, document) = await portal.Factory.GetDocumentAsync($"/articles/{FeedPortalFixture.FullKey}", client);

        var canonical = document.QuerySelector("link[rel='canonical']")!.GetAttribute("href");
        Assert.Equal($"{BaseUrl}/articles/{FeedPortalFixture.FullKey}", canonical);
        Assert.Equal(canonical, Property(document, "og:url"));
        Assert.Equal($"{BaseUrl}/media/{FeedPortalFixture.CoverName}", Property(document, "og:image"));
        Assert.Equal("www.example.gov.cn", document.QuerySelectorAll("meta[name]").Single(m => m.GetAttribute("name") == "SiteDomain").GetAttribute("content"));
        Assert.DoesNotContain(HostileHost, document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    private static string? Property(IDocument document, string property) =>
        document.QuerySelectorAll("meta[property]").SingleOrDefault(m => m.GetAttribute("property") == property)?.GetAttribute("content");
}
