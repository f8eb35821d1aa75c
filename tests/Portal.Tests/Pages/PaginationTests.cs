using System.Net;
using Portal.Core.Articles;
using Portal.Core.Paging;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>Section lists: 20 a page, newest first, every item dated, page links that work.</summary>
public sealed class PaginationTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = PortalFactory.Empty();

    public async Task InitializeAsync()
    {
        _ = _factory.Services; // starts the host, which migrates the empty store
        await _factory.WithDbAsync(async db =>
        {
            var news = TestContent.Section("新闻中心", "新闻", "xinwen");
            var local = TestContent.Section("地方动态", "地方动态", "difang", news);
            db.Sections.AddRange(news, local);
            for (var i = 1; i <= 45; i++)
            {
                db.Articles.Add(TestContent.Article($"a{i:D3}", $"第{i}篇文章", i % 2 == 0 ? news : local, TestContent.Epoch.AddDays(i)));
            }

            // Not visible: a draft and an article scheduled for the future.
            db.Articles.Add(TestContent.Article("draft", "草稿", news, TestContent.Epoch, ArticleStatus.Draft));
            db.Articles.Add(TestContent.Article("future", "未来", news, DateTime.UtcNow.AddYears(1)));
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SectionWith45Articles_ShowsThreePagesNewestFirst()
    {
        var titles = new List<string>();
        foreach (var (url, count) in new[] { ("/xinwen", 20), ("/xinwen?page=2", 20), ("/xinwen?page=3", 5) })
        {
            var (response, document) = await _factory.GetDocumentAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = document.QuerySelectorAll(".article-list li").ToList();
            Assert.Equal(count, items.Count);
            Assert.All(items, li => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", li.QuerySelector("time")!.TextContent.Trim()));
            titles.AddRange(items.Select(li => li.QuerySelector("a")!.TextContent.Trim()));
        }

        // The parent section lists its child's articles too: all 45, each once, newest first.
        Assert.Equal(Enumerable.Range(1, 45).Reverse().Select(i => $"第{i}篇文章"), titles);
    }

    [Fact]
    public async Task Pager_LinksEveryPageAndMarksTheCurrentOne()
    {
        var (_, document) = await _factory.GetDocumentAsync("/xinwen?page=2");
        var pager = document.QuerySelector("nav.pager")!;

        Assert.Equal("2", pager.QuerySelector("a[aria-current='page']")!.TextContent.Trim());
        Assert.Equal("/xinwen", pager.QuerySelector("a[rel='prev']")!.GetAttribute("href"));
        Assert.Equal("/xinwen?page=3", pager.QuerySelector("a[rel='next']")!.GetAttribute("href"));
        Assert.Equal(["/xinwen", "/xinwen?page=2", "/xinwen?page=3"], pager.QuerySelectorAll("a:not([rel])").Select(a => a.GetAttribute("href")));
        Assert.Contains("共 45 条", pager.TextContent);
    }

    [Fact]
    public async Task SectionPage_PageBeyondTheLast_Is404()
    {
        var (response, _) = await _factory.GetDocumentAsync("/xinwen?page=4");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/xinwen?page=107374184")]
    [InlineData("/xinwen?page=2147483647")]
    public async Task SectionPage_PageNumberWhoseOffsetOverflows_Is404(string url)
    {
        var (response, _) = await _factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ToPagedListAsync_PageWhoseOffsetOverflows_IsEmptyWithTheTrueCount()
    {
        // (2147483647 - 1) * 20 wraps to a negative offset, which SQLite reads as 0 (page 1's
        // items) and PostgreSQL and SQL Server refuse.
        var page = await _factory.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).ToPagedListAsync(int.MaxValue, 20));

        Assert.Empty(page.Items);
        Assert.Equal(47, page.TotalCount);
        Assert.Equal(3, page.PageCount);
        Assert.False(page.HasNext);
    }

    [Theory]
    [InlineData("/xinwen?page=abc")]
    [InlineData("/xinwen?page=-1")]
    public async Task SectionPage_PageNumberNotAPositiveNumber_Is404(string url)
    {
        var (response, _) = await _factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ChildSection_Page2_ListsOnlyItsOwnArticles()
    {
        var (_, document) = await _factory.GetDocumentAsync("/xinwen/difang?page=2");

        Assert.Equal(3, document.QuerySelectorAll(".article-list li").Length); // 23 odd-numbered articles: 20 + 3
    }

    [Fact]
    public async Task ArticlePage_DraftOrScheduledForLater_Is404()
    {
        var (draft, _) = await _factory.GetDocumentAsync("/articles/draft");
        var (future, _) = await _factory.GetDocumentAsync("/articles/future");

        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, future.StatusCode);
    }

    [Fact]
    public async Task ArticlePage_Neighbours_FollowTheSectionList()
    {
        // In 新闻中心 (even numbers), 第20篇 sits between 第22篇 (newer, listed above) and 第18篇.
        var (_, document) = await _factory.GetDocumentAsync("/articles/a020");
        var neighbours = document.QuerySelector(".article-neighbours")!;

        Assert.Equal("第22篇文章", neighbours.QuerySelector("a[rel='prev']")!.TextContent.Trim());
        Assert.Equal("第18篇文章", neighbours.QuerySelector("a[rel='next']")!.TextContent.Trim());
    }

    [Fact]
    public async Task HomePage_SectionBlock_ShowsTheEightNewestOfTheSectionAndItsChildren()
    {
        var (_, document) = await _factory.GetDocumentAsync("/");
        var block = document.QuerySelectorAll(".home-block").Single(b => b.QuerySelector("h2")!.TextContent.Trim() == "新闻中心");

        Assert.Equal(Enumerable.Range(38, 8).Reverse().Select(i => $"第{i}篇文章"), block.QuerySelectorAll(".article-list li a").Select(a => a.TextContent.Trim()));
    }
}
