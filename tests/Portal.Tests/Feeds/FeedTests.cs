using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Portal.Core.Articles;

namespace Portal.Tests.Feeds;

/// <summary>The RSS feeds, read as XML and as a feed reader reads them, item by item against the store.</summary>
public sealed class FeedTests(FeedPortalFixture portal) : IClassFixture<FeedPortalFixture>
{
    private const string Origin = "http://localhost";

    /// <summary>The most items a feed lists, written out so a change of the limit is a change of this test.</summary>
    private const int FeedsLimit = 20;

    public static TheoryData<string> AllFeeds => new(["/rss.xml", "/xinwen/rss.xml", "/xinwen/difang/rss.xml", "/tongzhi/rss.xml", "/jigou/rss.xml"]);

    [Fact]
    public async Task SiteFeed_Items_AreTheTwentyNewestVisibleArticlesNewestFirst()
    {
        var visible = await portal.VisibleAsync();
        Assert.Equal(27, visible.Count); // more than a feed holds, so the limit is exercised

        var (response, xml) = await portal.Factory.GetXmlAsync("/rss.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = visible.Take(FeedsLimit).ToList();
        var items = Items(xml);
        Assert.Equal(expected.Select(a => $"{Origin}/articles/{a.UrlKey}"), items.Select(i => (string?)i.Element("link")));
        Assert.Equal(expected.Select(a => a.Title), items.Select(i => (string?)i.Element("title")));
        foreach (var item in items)
        {
            var guid = item.Element("guid")!;
            Assert.Equal((string?)item.Element("link"), guid.Value);
            Assert.NotEqual("false", (string?)guid.Attribute("isPermaLink"));

            // RFC 822 in the site's zone (Beijing), as readers expect a Chinese site's dates.
            Assert.EndsWith("+0800", (string?)item.Element("pubDate"), StringComparison.Ordinal);
        }

        var feed = await ReadFeedAsync("/rss.xml");
        Assert.Equal(expected.Select(a => a.PublishedAt), feed.Items.Select(i => i.PublishDate.UtcDateTime));
    }

    [Fact]
    public async Task SiteFeed_Response_IsRss20InUtf8WithTheSiteAsChannel()
    {
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync("/rss.xml");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var xml = XDocument.Load(stream);

        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal((byte)'<', bytes[0]); // no byte-order mark
        Assert.Equal("utf-8", xml.Declaration!.Encoding, ignoreCase: true);
        Assert.Equal("rss", xml.Root!.Name.LocalName);
        Assert.Equal("2.0", (string?)xml.Root.Attribute("version"));
        var channel = xml.Root.Element("channel")!;
        Assert.Equal(FeedPortalFixture.SiteName, (string?)channel.Element("title"));
        Assert.Equal(Origin + "/", (string?)channel.Element("link"));
        Assert.False(string.IsNullOrWhiteSpace((string?)channel.Element("description")));
    }

    [Fact]
    public async Task SiteFeed_Descriptions_AreTheSummaryOrTheFirst120CharactersOfTheBody()
    {
        var (_, xml) = await portal.Factory.GetXmlAsync("/rss.xml");
        var descriptions = Items(xml).ToDictionary(i => KeyOf(i), i => (string?)i.Element("description"));

        Assert.Equal(FeedPortalFixture.FullSummary, descriptions[FeedPortalFixture.FullKey]);
        Assert.Equal(FeedPortalFixture.LongExcerpt, descriptions[FeedPortalFixture.LongKey]);
        Assert.Equal(ArticleText.ExcerptLength, descriptions[FeedPortalFixture.LongKey]!.Length);
        Assert.Equal("正文", descriptions["d01"]);
    }

    [Theory]
    [InlineData("/xinwen/rss.xml", "新闻中心", FeedPortalFixture.NewsDescription, new[] { "xinwen", "difang" })]
    [InlineData("/xinwen/difang/rss.xml", "地方动态", null, new[] { "difang" })]
    [InlineData("/tongzhi/rss.xml", "通知公告", null, new[] { "tongzhi" })]
    public async Task SectionFeed_Items_AreTheNewestOfTheSectionAndItsSubSections(string url, string sectionName, string? description, string[] slugs)
    {
        var expected = (await portal.VisibleAsync(slugs)).Take(FeedsLimit).ToList();

        var (response, xml) = await portal.Factory.GetXmlAsync(url);

        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(expected.Select(a => $"{Origin}/articles/{a.UrlKey}"), Items(xml).Select(i => (string?)i.Element("link")));
        var channel = xml.Root!.Element("channel")!;
        var title = $"{FeedPortalFixture.SiteName} - {sectionName}";
        Assert.Equal(title, (string?)channel.Element("title"));
        Assert.Equal(Origin + url[..^"/rss.xml".Length], (string?)channel.Element("link"));

        // The section's 栏目描述 when it has one; RSS requires a description, so the title otherwise.
        Assert.Equal(description ?? title, (string?)channel.Element("description"));
    }

    [Fact]
    public async Task SectionFeed_OfASectionWithMoreThanTwenty_HoldsTwenty()
    {
        Assert.Equal(22, (await portal.VisibleAsync("xinwen", "difang")).Count);

        var (_, xml) = await portal.Factory.GetXmlAsync("/xinwen/rss.xml");

        Assert.Equal(FeedsLimit, Items(xml).Count);
    }

    [Fact]
    public async Task SectionFeed_OfAnEmptySection_IsAFeedWithoutItems()
    {
        var (response, xml) = await portal.Factory.GetXmlAsync("/jigou/rss.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Items(xml));
    }

    [Theory]
    [MemberData(nameof(AllFeeds))]
    public async Task Feed_ArticlesReadersCannotSee_AreAbsent(string url)
    {
        var visibleKeys = (await portal.VisibleAsync()).Select(a => a.UrlKey).ToHashSet();

        var (_, xml) = await portal.Factory.GetXmlAsync(url);

        var keys = Items(xml).Select(KeyOf).ToList();
        Assert.All(keys, key => Assert.Contains(key, visibleKeys));
        Assert.Empty(keys.Intersect(FeedPortalFixture.HiddenKeys));
    }

    [Theory]
    [MemberData(nameof(AllFeeds))]
    public async Task Feed_EveryItemLink_LeadsToItsArticlePage(string url)
    {
        var (_, xml) = await portal.Factory.GetXmlAsync(url);

        foreach (var item in Items(xml))
        {
            var link = (string)item.Element("link")!;
            Assert.StartsWith(Origin + "/", link, StringComparison.Ordinal);
            var (response, page) = await portal.Factory.GetDocumentAsync(new Uri(link).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal((string?)item.Element("title"), page.QuerySelector("h1")!.TextContent.Trim());
        }
    }

    [Theory]
    [InlineData("/nosuch/rss.xml")]
    [InlineData("/xinwen/nosuch/rss.xml")]
    public async Task SectionFeed_UnknownSection_Is404(string url)
    {
        var (response, _) = await portal.Factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/XinWen/rss.xml", "/xinwen/rss.xml")]
    [InlineData("/xinwen/Difang/RSS.xml", "/xinwen/difang/rss.xml")]
    public async Task SectionFeed_NonCanonicalAddress_RedirectsPermanentlyToTheFeed(string url, string canonical)
    {
        var (response, _) = await portal.Factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Feed_WithoutBaseUrl_LinksOnTheServersAddressNotTheRequestsHost()
    {
        // The Host header reaches the app (so the BaseUrl tests, which send a hostile one, can
        // fail), but no link is built on it: without Site:BaseUrl, on the address the server listens on.
        using var client = portal.Factory.CreateClient();
        client.DefaultRequestHeaders.Host = "portal.test:8080";

        var response = await client.GetAsync("/rss.xml");
        var body = await response.Content.ReadAsStringAsync();
        var xml = XDocument.Parse(body);

        Assert.All(Items(xml), i => Assert.StartsWith(Origin + "/articles/", (string?)i.Element("link"), StringComparison.Ordinal));
        Assert.DoesNotContain("portal.test", body, StringComparison.Ordinal);
    }

    internal static List<XElement> Items(XDocument xml) => xml.Root!.Element("channel")!.Elements("item").ToList();

    private static string KeyOf(XElement item) => new Uri((string)item.Element("link")!).Segments[^1];

    private async Task<SyndicationFeed> ReadFeedAsync(string url)
    {
        using var client = portal.Factory.CreateClient();
        await using var stream = await client.GetStreamAsync(url);
        using var reader = XmlReader.Create(stream);
        return SyndicationFeed.Load(reader);
    }
}
