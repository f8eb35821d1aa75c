using System.Net;
using AngleSharp.Dom;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>Every element of the seed page, asserted on the pages the portal renders from its store.</summary>
public sealed class SeedPageTests(SeededPortalFixture portal) : IClassFixture<SeededPortalFixture>
{
    private static readonly string[] PublicPageUrls = ["/", "/xinwen", "/xinwen/difang", "/jigou", "/contact", "/sitemap"];

    public static TheoryData<string> PublicPages => new(PublicPageUrls);

    [Fact]
    public async Task Menu_OnEveryPage_ListsSeedSectionsWithWorkingTargets()
    {
        foreach (var url in PublicPageUrls.Append(portal.ArticleUrl))
        {
            var (_, document) = await portal.Factory.GetDocumentAsync(url);
            var links = document.QuerySelectorAll("header nav.main-nav a").ToList();

            Assert.Equal(["首页", "机构", "新闻", "公开", "互动", "专题", "资料"], links.Select(a => a.TextContent.Trim()));
            Assert.Equal(["/", "/jigou", "/xinwen", "/gongkai", "/hudong", "/zhuanti", "/ziliao"], links.Select(a => a.GetAttribute("href")));
            foreach (var href in links.Select(a => a.GetAttribute("href")!))
            {
                var (response, _) = await portal.Factory.GetDocumentAsync(href);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Menu_OnArticlePage_MarksItsSectionCurrent()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl);
        var current = document.QuerySelectorAll("nav.main-nav a[aria-current]").ToList();

        Assert.Equal("新闻", Assert.Single(current).TextContent.Trim());
    }

    [Theory]
    [InlineData("/", "首页", "page")]
    [InlineData("/xinwen", "新闻", "page")]
    [InlineData("/xinwen/difang", "新闻", "true")]
    public async Task Menu_OnSectionPages_MarksCurrentEntry(string url, string label, string ariaCurrent)
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(url);
        var current = Assert.Single(document.QuerySelectorAll("nav.main-nav a[aria-current]"));

        Assert.Equal(label, current.TextContent.Trim());
        Assert.Equal(ariaCurrent, current.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Breadcrumb_OnArticlePage_IsHomeNewsCentreLocalNewsAllLinked()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl);
        var breadcrumb = document.QuerySelector("nav.breadcrumb")!;
        var links = breadcrumb.QuerySelectorAll("a").ToList();

        Assert.StartsWith("当前位置：", breadcrumb.TextContent.Trim());
        Assert.Equal(["首页", "新闻中心", "地方动态"], links.Select(a => a.TextContent.Trim()));
        Assert.Equal(["/", "/xinwen", "/xinwen/difang"], links.Select(a => a.GetAttribute("href")));
        Assert.Contains("首页 > 新闻中心 > 地方动态", Normalize(breadcrumb.TextContent));
        foreach (var href in links.Select(a => a.GetAttribute("href")!))
        {
            var (response, _) = await portal.Factory.GetDocumentAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task ArticlePage_ShowsTitleDateAndSourceOfTheSeed()
    {
        var (response, document) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var h1 = Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Equal(SeedPage.Lines[4], h1.TextContent.Trim());
        var meta = Normalize(document.QuerySelector(".article-meta")!.TextContent);
        Assert.Contains("日期：2023-11-21", meta);
        Assert.Contains("来源：新疆维吾尔自治区民委", meta);
        Assert.Equal("2023-11-21", document.QuerySelector(".article-date time")!.GetAttribute("datetime"));
        Assert.Equal($"{SeedPage.Lines[4]} - 国家民族事务委员会", document.Title);
    }

    [Fact]
    public async Task ArticlePage_RendersEveryBodyParagraphVerbatim()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl);
        var paragraphs = document.QuerySelectorAll(".article-body p").Select(p => p.TextContent).ToList();

        // Lines 9-17 of the seed (1-based) are the five body paragraphs, blank lines between them.
        var expected = SeedPage.Paragraphs;
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, paragraphs);
        Assert.Equal(2, paragraphs.Count(p => p.StartsWith("二、", StringComparison.Ordinal)));
        Assert.DoesNotContain("字号：[", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("建议使用IE9.0", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_HasLandmarksLanguageAndMonitoringMeta()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl);

        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(document.QuerySelector("body > header"));
        Assert.NotNull(document.QuerySelector("header nav"));
        Assert.Single(document.QuerySelectorAll("main"));
        Assert.NotNull(document.QuerySelector("body > footer"));
        // The imported page gives a date, not a time of day: the tag says no more than that.
        Assert.Equal("2023-11-21", Meta(document, "PubDate"));
        Assert.Equal("新疆维吾尔自治区民委", Meta(document, "ContentSource"));
        Assert.Equal("地方动态", Meta(document, "ColumnName"));
        Assert.Equal("国家民族事务委员会", Meta(document, "SiteName"));
    }

    [Fact]
    public async Task ArticlePage_OfTheSeed_DescribesItselfWithItsFirst120Characters()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl);

        // Its first paragraph has 119 characters: the cut falls on the space after it, which is dropped.
        var expected = string.Join(' ', SeedPage.Paragraphs.Select(p => Normalize(p)))[..120].TrimEnd();
        Assert.Equal(119, expected.Length);
        Assert.Equal(expected, Meta(document, "Description"));
        Assert.Equal(expected, document.QuerySelectorAll("meta[name]").Single(m => m.GetAttribute("name") == "description").GetAttribute("content"));
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_SettingsTheSeedLacks_HaveNoTagRatherThanAnEmptyOne(string url)
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(url);

        // The seed has no 网站标识码 and no section descriptions or keywords.
        Assert.Null(Meta(document, "SiteIDCode"));
        Assert.Null(Meta(document, "ColumnDescription"));
        Assert.Null(Meta(document, "ColumnKeywords"));
        Assert.Equal("国家民族事务委员会", Meta(document, "SiteName"));
        Assert.All(document.QuerySelectorAll("meta[name]"), m => Assert.False(string.IsNullOrWhiteSpace(m.GetAttribute("content")), m.OuterHtml));
    }

    [Fact]
    public async Task ArticlePage_FontSizeSwitchOffersLargeMediumSmall()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl);
        var links = document.QuerySelectorAll(".font-size-switch a").ToList();

        Assert.Contains("字号：", document.QuerySelector(".font-size-switch")!.TextContent);
        Assert.Equal(["大", "中", "小"], links.Select(a => a.TextContent.Trim()));
        Assert.All(links, a => Assert.StartsWith("/font-size/", a.GetAttribute("href")));
        Assert.Equal("中", document.QuerySelector(".font-size-switch a[aria-current]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Footer_ShowsSeedLinksWithRealAddressesOrPlainText()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl);
        var footer = document.QuerySelector("footer")!;
        var items = footer.QuerySelectorAll(".footer-links li").ToList();

        Assert.Equal(
            ["中央统战部", "中国政府网", "国务院部门", "地方政府", "直属单位", "地方民委", "放管服改革专项督查", "联系我们", "网站地图"],
            items.Select(li => li.TextContent.Trim()));
        Assert.Equal("https://www.gov.cn/", LinkIn(footer, "中国政府网"));
        Assert.Equal("https://www.zytzb.gov.cn/", LinkIn(footer, "中央统战部"));
        Assert.Equal("/contact", LinkIn(footer, "联系我们"));
        Assert.Equal("/sitemap", LinkIn(footer, "网站地图"));
        Assert.Null(LinkIn(footer, "直属单位"));
        Assert.Contains(items, li => li.TextContent.Trim() == "直属单位" && li.QuerySelector("a") is null);
        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => a.GetAttribute("href") is "#" or "" or null);
    }

    [Fact]
    public async Task Footer_ShowsSiteIdentityFromTheSeed()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl);
        var footer = document.QuerySelector("footer")!;
        var text = Normalize(footer.TextContent);

        Assert.Contains("版权所有：中华人民共和国国家民族事务委员会", text);
        Assert.Contains("主办单位：中华人民共和国国家民族事务委员会", text);
        Assert.Contains("地址：北京市西城区复兴门内大街甲49号", text);
        Assert.Contains("邮政编码：100800", text);
        Assert.Contains("网站维护：国家民委舆情中心", text);
        Assert.Contains("官方微信", text);
        Assert.Equal("https://beian.miit.gov.cn/", LinkIn(footer, "京ICP备05048973号"));
        Assert.Equal("http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11040102700045", LinkIn(footer, "京公网安备 11040102700045号"));
        var errorReport = LinkIn(footer, "政府网站找错");
        Assert.NotNull(errorReport);
        Assert.StartsWith("https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=", errorReport);
        Assert.Contains("url=" + Uri.EscapeDataString("http://localhost" + portal.ArticleUrl), errorReport);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task EveryLink_OnPublicPages_LeadsToAWorkingPage(string url)
    {
        var (response, document) = await portal.Factory.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var local = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(href => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
            .Distinct();
        foreach (var href in local)
        {
            var (linked, _) = await portal.Factory.GetDocumentAsync(href);
            if (linked.StatusCode == HttpStatusCode.Redirect)
            {
                // The 字号 links answer with a redirect back to a page of this site; that page must work.
                var target = linked.Headers.Location!.OriginalString;
                Assert.StartsWith("/", target);
                (linked, _) = await portal.Factory.GetDocumentAsync(target);
            }

            Assert.True(linked.StatusCode == HttpStatusCode.OK, $"{url} links to {href}, which answers {(int)linked.StatusCode}");
        }
    }

    [Fact]
    public async Task SectionPage_ListsTheArticleWithItsDate()
    {
        foreach (var url in new[] { "/xinwen", "/xinwen/difang" })
        {
            var (_, document) = await portal.Factory.GetDocumentAsync(url);
            var item = Assert.Single(document.QuerySelectorAll(".article-list li"));

            Assert.Equal(portal.ArticleUrl, item.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal("2023-11-21", item.QuerySelector("time")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task SectionPage_WithoutArticles_SaysSoPlainly()
    {
        var (response, document) = await portal.Factory.GetDocumentAsync("/jigou");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("机构设置", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("本栏目暂无信息", document.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("/XinWen/Difang", "/xinwen/difang")]
    [InlineData("/xinwen/difang/", "/xinwen/difang")]
    [InlineData("/XINWEN?page=1", "/xinwen?page=1")]
    public async Task SectionPage_NonCanonicalPath_RedirectsPermanentlyToTheCanonicalOne(string url, string canonical)
    {
        var (response, _) = await portal.Factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task HomePage_DefaultLayout_IsTheHeadlineThenEachMenuSectionWithArticles()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync("/");
        var blocks = document.QuerySelectorAll(".home-block").ToList();

        // The default layout is 头条 + one block per menu section; the five empty sections' blocks
        // are left out (an empty block is never shown to readers).
        Assert.Equal(["头条", "新闻中心"], blocks.Select(b => b.QuerySelector("h2")!.TextContent.Trim()));
        Assert.Equal(SeedPage.Lines[4], blocks[0].QuerySelector("h3 a")!.TextContent.Trim());
        Assert.Equal("2023-11-21", blocks[0].QuerySelector("time")!.TextContent.Trim());
        var news = blocks[1].QuerySelector(".article-list li")!;
        Assert.Equal(SeedPage.Lines[4], news.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal("2023-11-21", news.QuerySelector("time")!.TextContent.Trim());
        Assert.DoesNotContain("本栏目暂无信息", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/articles/doesnotexist")]
    [InlineData("/nosuchsection")]
    [InlineData("/xinwen/nosuchchild")]
    [InlineData("/xinwen?page=2")]
    [InlineData("/xinwen?page=0")]
    [InlineData("/font-size/huge")]
    public async Task UnknownAddress_Gets404PageInChinese(string url)
    {
        var (response, document) = await portal.Factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("页面不存在", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(document.QuerySelector("nav.main-nav"));
    }

    [Fact]
    public async Task ContactPage_FromSeed_ShowsAddressAndMaintainer()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync("/contact");
        var text = Normalize(document.QuerySelector("main")!.TextContent);

        Assert.Contains("北京市西城区复兴门内大街甲49号", text);
        Assert.Contains("100800", text);
        Assert.Contains("国家民委舆情中心", text);
    }

    [Fact]
    public async Task SiteMap_FromSeed_ListsEverySection()
    {
        var (_, document) = await portal.Factory.GetDocumentAsync("/sitemap");
        var hrefs = document.QuerySelectorAll(".site-map a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/xinwen/difang", hrefs);
        Assert.Contains("/jigou", hrefs);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/xinwen")]
    [InlineData("/contact")]
    [InlineData("/sitemap")]
    public async Task PublicPage_HeadRequest_Answers200LikeGet(string url)
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ArticlePage_HeadRequest_Answers200LikeGet()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, portal.ArticleUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PublicPage_Post_GetsChineseErrorPageWith405()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.PostAsync("/xinwen", new FormUrlEncodedContent([new("q", "1")]));
        var document = await PortalFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("请求无法完成", document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnyPage_Response_CarriesSecurityHeaders()
    {
        var (response, _) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    private static string? Meta(IDocument document, string name) =>
        document.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");

    private static string? LinkIn(IElement scope, string text) =>
        scope.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == text)?.GetAttribute("href");

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
