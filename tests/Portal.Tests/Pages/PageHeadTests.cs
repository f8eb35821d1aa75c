using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Portal.Tests.Feeds;

namespace Portal.Tests.Pages;

/// <summary>
/// What public pages put in their head for machines: the monitoring tags (GOV-SITE.md), the
/// description, the canonical link, Open Graph on articles, and the feeds they announce.
/// </summary>
public sealed class PageHeadTests(FeedPortalFixture portal) : IClassFixture<FeedPortalFixture>
{
    private const string Origin = "http://localhost";

    private static readonly string[] PublicPageUrls =
    [
        "/", "/xinwen", "/xinwen?page=2", "/xinwen/difang", "/tongzhi", "/jigou", "/contact", "/sitemap",
        "/articles/n01", "/articles/n02", "/articles/d01", "/nosuch",
    ];

    public static TheoryData<string> PublicPages => new(PublicPageUrls);

    [Fact]
    public async Task ArticlePage_CarriesEveryMonitoringTagOfAnArticle()
    {
        var article = (await portal.VisibleAsync()).Single(a => a.UrlKey == FeedPortalFixture.FullKey);

        var (_, document) = await portal.Factory.GetDocumentAsync($"/articles/{FeedPortalFixture.FullKey}");

        AssertTags(document, new Dictionary<string, string>
        {
            ["SiteName"] = FeedPortalFixture.SiteName,
            ["SiteDomain"] = "localhost",
            ["SiteIDCode"] = FeedPortalFixture.SiteCode,
            ["ColumnName"] = "新闻中心",
            ["ColumnType"] = "栏目",
            ["ArticleTitle"] = article.Title,
            ["PubDate"] = BeijingTime(article.PublishedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["ContentSource"] = "测试来源",
            ["Keywords"] = FeedPortalFixture.FullKeywords,
            ["Description"] = FeedPortalFixture.FullSummary,
            ["description"] = FeedPortalFixture.FullSummary,
        });
    }

    [Theory]
    [InlineData("/xinwen", "新闻中心", "栏目", FeedPortalFixture.NewsDescription, FeedPortalFixture.NewsKeywords)]
    [InlineData("/xinwen?page=2", "新闻中心", "栏目", FeedPortalFixture.NewsDescription, FeedPortalFixture.NewsKeywords)]
    [InlineData("/tongzhi", "通知公告", "列表", null, null)]
    public async Task SectionPage_CarriesEveryMonitoringTagOfAList(string url, string name, string type, string? description, string? keywords)
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(url);

        var expected = new Dictionary<string, string>
        {
            ["SiteName"] = FeedPortalFixture.SiteName,
            ["SiteDomain"] = "localhost",
            ["SiteIDCode"] = FeedPortalFixture.SiteCode,
            ["ColumnName"] = name,
            ["ColumnType"] = type,
        };
        if (description is not null)
        {
            expected["ColumnDescription"] = description;
            expected["description"] = description;
        }

        if (keywords is not null)
        {
            expected["ColumnKeywords"] = keywords;
        }

        // A section without 栏目描述 or 栏目关键词 has no such tags at all (AssertTags checks the exact set).
        AssertTags(document, expected);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_NoMetaTag_HasEmptyContent(string url)
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(url);

        var metas = document.QuerySelectorAll("meta[name], meta[property]").ToList();
        Assert.NotEmpty(metas);
        Assert.All(metas, m => Assert.False(string.IsNullOrWhiteSpace(m.GetAttribute("content")), m.OuterHtml));
        Assert.Empty(document.QuerySelectorAll("meta[content='']"));
    }

    [Fact]
    public async Task ArticlePage_WithoutSummary_DescribesItselfWithTheFirst120CharactersOfItsText()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync($"/articles/{FeedPortalFixture.LongKey}");

        Assert.Equal(120, FeedPortalFixture.LongExcerpt.Length);
        Assert.Equal(FeedPortalFixture.LongExcerpt, Meta(document, "Description"));
        Assert.Equal(FeedPortalFixture.LongExcerpt, Meta(document, "description"));
        Assert.Equal(FeedPortalFixture.LongExcerpt, Property(document, "og:description"));
        Assert.Null(Meta(document, "Keywords"));
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/xinwen", "/xinwen")]
    [InlineData("/xinwen?page=1", "/xinwen")]
    [InlineData("/xinwen?page=2", "/xinwen?page=2")]
    [InlineData("/xinwen?page=2&utm_source=wechat", "/xinwen?page=2")]
    [InlineData("/xinwen/difang?from=home", "/xinwen/difang")]
    [InlineData("/articles/n01?share=1", "/articles/n01")]
    [InlineData("/contact", "/contact")]
    [InlineData("/sitemap?x=1", "/sitemap")]
    public async Task PublicPage_CanonicalLink_IsItsOwnAbsoluteAddress(string url, string canonicalPath)
    {
        var (response, document) = await portal.Factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var canonical = Assert.Single(document.QuerySelectorAll("link[rel='canonical']"));
        Assert.Equal(Origin + canonicalPath, canonical.GetAttribute("href"));
    }

    [Fact]
    public async Task ErrorPage_HasNoCanonicalLink()
    {
        var (response, document) = await portal.Factory.GetDocumentAsync("/nosuch");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(document.QuerySelectorAll("link[rel='canonical']"));
    }

    [Fact]
    public async Task ArticlePage_OpenGraph_DescribesTheArticle()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync($"/articles/{FeedPortalFixture.FullKey}");

        var canonical = document.QuerySelector("link[rel='canonical']")!.GetAttribute("href");
        Assert.Equal("文章n01", Property(document, "og:title"));
        Assert.Equal("article", Property(document, "og:type"));
        Assert.Equal(canonical, Property(document, "og:url"));
        Assert.Equal(FeedPortalFixture.FullSummary, Property(document, "og:description"));
        Assert.Equal($"{Origin}/media/{FeedPortalFixture.CoverName}", Property(document, "og:image"));
        Assert.Equal(FeedPortalFixture.SiteName, Property(document, "og:site_name"));
    }

    [Fact]
    public async Task ArticlePage_WithoutCover_HasNoOgImage()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync($"/articles/{FeedPortalFixture.LongKey}");

        Assert.Equal("article", Property(document, "og:type"));
        Assert.Null(Property(document, "og:image"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/xinwen")]
    [InlineData("/contact")]
    public async Task OtherPages_HaveNoOpenGraphTags(string url)
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(url);

        Assert.Empty(document.QuerySelectorAll("meta[property^='og:']"));
    }

    [Theory]
    [InlineData("/", null, null)]
    [InlineData("/contact", null, null)]
    [InlineData("/nosuch", null, null)]
    [InlineData("/xinwen", "/xinwen/rss.xml", "新闻中心")]
    [InlineData("/xinwen/difang", "/xinwen/difang/rss.xml", "地方动态")]
    [InlineData("/articles/n01", "/xinwen/rss.xml", "新闻中心")]
    [InlineData("/articles/d01", "/xinwen/difang/rss.xml", "地方动态")]
    public async Task PublicPage_FeedLinks_AnnounceTheSiteFeedAndTheSectionsOwn(string url, string? sectionFeed, string? sectionName)
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(url);

        var feeds = document.QuerySelectorAll("link[rel='alternate'][type='application/rss+xml']").ToList();
        var expected = new List<(string?, string?)> { (FeedPortalFixture.SiteName, "/rss.xml") };
        if (sectionFeed is not null)
        {
            expected.Add(($"{FeedPortalFixture.SiteName} - {sectionName}", sectionFeed));
        }

        Assert.Equal(expected, feeds.Select(f => (f.GetAttribute("title"), f.GetAttribute("href"))));
        using var client = portal.Factory.CreateClient();
        foreach (var href in feeds.Select(f => f.GetAttribute("href")!))
        {
            var response = await client.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        }
    }

    /// <summary>The page's meta name/content pairs are exactly <paramref name="expected"/>, each once.</summary>
    private static void AssertTags(IDocument document, Dictionary<string, string> expected)
    {
        var tags = document.QuerySelectorAll("meta[name]")
            .Where(m => m.GetAttribute("name") != "viewport")
            .Select(m => (Name: m.GetAttribute("name")!, Content: m.GetAttribute("content")))
            .ToList();
        Assert.Equal(tags.Count, tags.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, (string?)e.Value)), tags.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (t.Name, t.Content)));
    }

    // Exact, case-sensitive names: Description (monitoring) and description (search engines) are two tags.
    private static string? Meta(IDocument document, string name) =>
        document.QuerySelectorAll("meta[name]").SingleOrDefault(m => m.GetAttribute("name") == name)?.GetAttribute("content");

    private static string? Property(IDocument document, string property) =>
        document.QuerySelectorAll("meta[property]").SingleOrDefault(m => m.GetAttribute("property") == property)?.GetAttribute("content");

    private static DateTime BeijingTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
}
