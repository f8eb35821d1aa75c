using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.Time.Testing;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// 置顶 in section lists: pinned articles come first (newest pinned first), marked 置顶 in words,
/// until their pin runs out by the clock; paging counts each article once across the pinned
/// ones and the rest.
/// </summary>
public sealed class PinnedListTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2030, 5, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    private readonly EditorialPortalFactory _factory;

    public PinnedListTests()
    {
        _factory = new EditorialPortalFactory(_time);
    }

    public async Task InitializeAsync()
    {
        _ = _factory.Services;
        await _factory.WithDbAsync(async db =>
        {
            var news = TestContent.Section("新闻中心", "新闻", "xinwen");
            var local = TestContent.Section("地方动态", "地方动态", "difang", news);
            var other = TestContent.Section("通知公告", "通知", "tongzhi");
            db.Sections.AddRange(news, local, other);
            for (var i = 1; i <= 25; i++)
            {
                var article = TestContent.Article($"p{i:D2}", $"第{i}篇", i % 2 == 0 ? news : local, TestContent.Epoch.AddDays(i));
                article.PinnedUntil = i switch
                {
                    3 => Start.UtcDateTime.AddDays(10),
                    7 => Start.UtcDateTime.AddDays(3),
                    10 => Start.UtcDateTime.AddHours(-1), // ran out already
                    _ => null,
                };
                db.Articles.Add(article);
            }

            // Pinned in another section: not in this one's list.
            var elsewhere = TestContent.Article("other", "其他栏目置顶", other, TestContent.Epoch.AddDays(30));
            elsewhere.PinnedUntil = Start.UtcDateTime.AddDays(10);
            db.Articles.Add(elsewhere);
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    private async Task<List<IElement>> ItemsAsync(string url)
    {
        var (response, document) = await _factory.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document.QuerySelectorAll(".article-list li").ToList();
    }

    private static string Title(IElement item) => item.QuerySelector("a")!.TextContent.Trim();

    private async Task<List<string>> AllTitlesAsync()
    {
        var page1 = await ItemsAsync("/xinwen");
        var page2 = await ItemsAsync("/xinwen?page=2");
        Assert.Equal(20, page1.Count);
        Assert.Equal(5, page2.Count);
        return page1.Concat(page2).Select(Title).ToList();
    }

    [Fact]
    public async Task SectionList_PinnedFirstNewestFirst_MarkedInWords_AndPagingCountsEachOnce()
    {
        var page1 = await ItemsAsync("/xinwen");

        Assert.Equal(["第7篇", "第3篇"], page1.Take(2).Select(Title));
        Assert.All(page1.Take(2), li => Assert.Equal("置顶", li.QuerySelector(".pin-label")!.TextContent.Trim()));
        Assert.All(page1.Skip(2), li => Assert.Null(li.QuerySelector(".pin-label")));
        Assert.All(page1, li => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", li.QuerySelector("time")!.TextContent.Trim()));

        // The rest newest first (the expired pin among them in its place), every article once over both pages.
        var rest = Enumerable.Range(1, 25).Reverse().Where(i => i is not (3 or 7)).Select(i => $"第{i}篇");
        Assert.Equal(rest.Prepend("第3篇").Prepend("第7篇"), await AllTitlesAsync());
        var (_, document) = await _factory.GetDocumentAsync("/xinwen?page=2");
        Assert.Contains("共 25 条", document.QuerySelector("nav.pager")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.GetDocumentAsync("/xinwen?page=3")).Response.StatusCode);

        // The child section's own list pins its own (odd) articles too.
        Assert.Equal(["第7篇", "第3篇", "第25篇"], (await ItemsAsync("/xinwen/difang")).Take(3).Select(Title));
    }

    [Fact]
    public async Task SectionList_PinRunsOut_ArticleBackInDateOrderWithoutTheLabel()
    {
        _time.Advance(TimeSpan.FromDays(4));
        var page1 = await ItemsAsync("/xinwen");
        Assert.Equal("第3篇", Title(page1[0]));
        Assert.NotNull(page1[0].QuerySelector(".pin-label"));
        Assert.Single(page1, li => li.QuerySelector(".pin-label") is not null);

        var rest = Enumerable.Range(1, 25).Reverse().Where(i => i != 3).Select(i => $"第{i}篇");
        Assert.Equal(rest.Prepend("第3篇"), await AllTitlesAsync());

        _time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => $"第{i}篇"), await AllTitlesAsync());
        Assert.DoesNotContain(await ItemsAsync("/xinwen"), li => li.QuerySelector(".pin-label") is not null);
    }
}
