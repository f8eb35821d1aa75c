using System.Net;
using Portal.Tests.Infrastructure;
using Portal.Tests.Pages;

namespace Portal.Tests.Search;

/// <summary>站内搜索 as a reader meets it on the seeded portal: the box on every page, the results page, and every kind of bad input.</summary>
public sealed class SearchPageTests(SeededPortalFixture fixture) : IClassFixture<SeededPortalFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("/")]
    [InlineData("/xinwen")]
    [InlineData("/xinwen/difang")]
    [InlineData("/contact")]
    [InlineData("/sitemap")]
    [InlineData("/search")]
    [InlineData("/no-such-page")]
    public async Task EveryPublicPage_HasALabelledSearchBoxThatWorksWithoutScript(string url)
    {
        var (_, page) = await Factory.GetDocumentAsync(url);

        var form = page.QuerySelector("header form[role='search']");
        Assert.NotNull(form);
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var input = form.QuerySelector("input[type='search'][name='q']");
        Assert.NotNull(input);
        var label = page.QuerySelector($"label[for='{input.Id}']");
        Assert.False(string.IsNullOrWhiteSpace(label?.TextContent), "The search box has no label.");
        Assert.NotNull(form.QuerySelector("button[type='submit']"));
    }

    [Fact]
    public async Task ArticlePage_HasTheSearchBoxToo()
    {
        var (_, page) = await Factory.GetDocumentAsync(fixture.ArticleUrl);
        Assert.NotNull(page.QuerySelector("header form[role='search'] input[type='search']"));
    }

    [Theory]
    [InlineData("民族团结")]
    [InlineData("吐鲁番")]
    [InlineData("石榴籽")]
    [InlineData("互嵌")]
    public async Task Search_SeedWords_FindTheTurpanReportFirst_WithMarkedWords(string query)
    {
        await SearchProbe.CaughtUpAsync(Factory);
        var (response, page) = await Factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = page.QuerySelector(".search-results li h2 a");
        Assert.Equal(fixture.ArticleUrl, first?.GetAttribute("href"));
        Assert.Equal("1", page.QuerySelector(".search-summary strong")!.TextContent);
        var marked = page.QuerySelectorAll(".search-results mark").Select(m => m.TextContent).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, m => Assert.Contains(m, query, StringComparison.Ordinal));
        Assert.Equal("noindex, follow", page.QuerySelector("meta[name='robots']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Search_Empty_ShowsTheFormAndAHint()
    {
        var (response, page) = await Factory.GetDocumentAsync("/search?q=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".search-hint"));
        Assert.Empty(page.QuerySelectorAll(".search-results li"));
        Assert.NotNull(page.QuerySelector("main form[role='search'] input#search-q"));
    }

    [Fact]
    public async Task Search_NothingMatches_SuggestsWhatToDo_AndLinksTheSiteMap()
    {
        await SearchProbe.CaughtUpAsync(Factory);
        var (response, page) = await Factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("量子计算机"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var empty = page.QuerySelector(".search-empty");
        Assert.NotNull(empty);
        Assert.Contains("量子计算机", empty.TextContent, StringComparison.Ordinal);
        Assert.Contains("检查", empty.TextContent, StringComparison.Ordinal);
        Assert.NotNull(empty.QuerySelector("a[href='/sitemap']"));
    }

    [Fact]
    public async Task Search_ThousandCharacters_IsCutAndSaysSo()
    {
        await SearchProbe.CaughtUpAsync(Factory);
        var query = "吐鲁番" + new string('民', 997);
        var (response, page) = await Factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("搜索词过长", page.QuerySelector(".search-notices")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Portal.Core.Search.SearchService.MaxQueryLength, page.QuerySelector("#search-q")!.GetAttribute("value")!.Length);
    }

    public static TheoryData<string> HostileQueries { get; } = new()
    {
        "\"*?~:()[]{}^\\",
        "AND OR NOT",
        "吐鲁番 AND NOT",
        "title:吐鲁番^10 body:[a TO z]",
        "*",
        "?",
        "~",
        "\\",
        "' OR 1=1 --",
        "'; DROP TABLE Articles; --",
        "\" UNION SELECT * FROM AspNetUsers --",
        "😀🎉",
        "吐鲁番😀",
        "吐魯番",
        "民族團結",
        "民族团结！？。，",
        "民族团结!?.,",
        "ＡＢＣ１２３",
        "　",
        "%00",
        "\u0000\u0001",
        "\uFFFE",
        "\uFDD0吐鲁番",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Search_HostileOrOddInput_AnswersAPageWithoutEchoingMarkup(string query)
    {
        var (response, page) = await Factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XssAssert.NoActiveContent(page);
        Assert.Empty(page.QuerySelectorAll("main img, main script"));
        Assert.NotNull(page.QuerySelector(".search-page"));
    }

    [Fact]
    public async Task Search_TraditionalCharacters_StillLeadToTheTurpanReport()
    {
        // SmartCn does not fold traditional characters (docs/search.md): 吐魯番 shares 吐 and 番
        // with 吐鲁番, and the partial match brings the report up with a notice saying so.
        await SearchProbe.CaughtUpAsync(Factory);
        var (_, page) = await Factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("吐魯番"));

        Assert.Equal(fixture.ArticleUrl, page.QuerySelector(".search-results li h2 a")?.GetAttribute("href"));
        Assert.Contains("部分搜索词", page.QuerySelector(".search-notices")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FullWidthPunctuationAndLetters_SearchLikeTheirPlainForms()
    {
        await SearchProbe.CaughtUpAsync(Factory);
        var plain = await SearchProbe.KeysAsync(Factory, "民族团结,吐鲁番");
        var wide = await SearchProbe.KeysAsync(Factory, "民族团结，吐鲁番！");

        Assert.NotEmpty(plain);
        Assert.Equal(plain, wide);
    }

    [Theory]
    [InlineData("page=-1")]
    [InlineData("page=0")]
    [InlineData("page=99999")]
    [InlineData("page=2147483647")]
    [InlineData("page=abc")]
    [InlineData("page=99999999999999999999")]
    [InlineData("from=2024-13-45")]
    [InlineData("from=yesterday&to=%3Cb%3E")]
    [InlineData("section=abc")]
    [InlineData("section=999999")]
    [InlineData("sort=%27%3B--")]
    [InlineData("q=%E5%90%90%E9%B2%81%E7%95%AA&q=second")]
    public async Task Search_BadParameters_AreCorrectedAndExplained_NeverAnError(string parameters)
    {
        await SearchProbe.CaughtUpAsync(Factory);
        var (response, page) = await Factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("吐鲁番") + "&" + parameters);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XssAssert.NoActiveContent(page);
        Assert.Equal(fixture.ArticleUrl, page.QuerySelector(".search-results li h2 a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Search_PageBeyondTheLast_ShowsTheLastPageAndSaysSo()
    {
        await SearchProbe.CaughtUpAsync(Factory);
        var (_, page) = await Factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("吐鲁番") + "&page=99999");

        Assert.Contains("已显示最后一页", page.QuerySelector(".search-notices")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_DateRangeEndingBeforeItStarts_IsSwappedAndSaysSo()
    {
        await SearchProbe.CaughtUpAsync(Factory);

        // The seed report is dated 2023-11-21.
        var (_, page) = await Factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("吐鲁番") + "&from=2023-12-31&to=2023-11-01");

        Assert.Contains("结束日期早于开始日期", page.QuerySelector(".search-notices")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(fixture.ArticleUrl, page.QuerySelector(".search-results li h2 a")?.GetAttribute("href"));
        Assert.Equal("2023-11-01", page.QuerySelector("#search-from")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Search_BadDate_IsIgnoredWithAChineseNotice()
    {
        var (_, page) = await Factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("吐鲁番") + "&from=2024-02-30");

        Assert.Contains("不是有效的日期", page.QuerySelector(".search-notices")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SameRequestThirtyTimesAtOnce_AllAnswerTheSame()
    {
        await SearchProbe.CaughtUpAsync(Factory);
        var client = Factory.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString("民族团结"));
            var page = await PortalFactory.ParseAsync(response);
            return (response.StatusCode, First: page.QuerySelector(".search-results li h2 a")?.GetAttribute("href"));
        }));

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, fixture.ArticleUrl), a));
    }

    [Fact]
    public async Task ArticlePage_WithNothingRelated_ShowsNoEmptyRelatedBlock()
    {
        // The seed holds a single article: nothing is related to it.
        await SearchProbe.CaughtUpAsync(Factory);
        var (_, page) = await Factory.GetDocumentAsync(fixture.ArticleUrl);

        Assert.Null(page.QuerySelector(".related"));
    }

    [Fact]
    public async Task Search_HasACanonicalLink_OfTheQueryAsUnderstood()
    {
        var (_, page) = await Factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("　吐鲁番 ") + "&page=-3&sort=date&from=bad");

        var canonical = page.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        Assert.NotNull(canonical);
        var uri = new Uri(canonical);
        Assert.True(uri.IsAbsoluteUri);
        Assert.Equal("/search", uri.AbsolutePath);
        Assert.Equal("?q=" + Uri.EscapeDataString("吐鲁番") + "&sort=date", uri.Query);
    }

    [Fact]
    public async Task SearchService_LoneSurrogatesAndNonCharacters_AreDropped_AndTheRestSearched()
    {
        // A lone surrogate cannot travel in a URL (it arrives as U+FFFD), nor in theory data: the
        // service is asked directly, with the strings built here.
        await SearchProbe.CaughtUpAsync(Factory);
        foreach (var query in new[] { "\ud800吐鲁番", "吐鲁番\udc00", "\uFFFE吐鲁番\uFFFF", "\uFDEF吐鲁番" })
        {
            var results = await SearchProbe.SearchAsync(Factory, new Portal.Core.Search.SearchRequest(query));

            Assert.Equal("吐鲁番", results.Query);
            Assert.Equal(1, results.TotalFound);
        }
    }
}
