using Portal.Core.Articles;

namespace Portal.Tests.Admin.Lists;

/// <summary>控制台 over HTTP: tiles that link to their lists, the 待审 queue, an editor's open work, section limits.</summary>
public sealed class DashboardTests(ListsFixture fixture) : IClassFixture<ListsFixture>
{
    private DateTime Now => fixture.Time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Tiles_LinkToTheirFilteredLists_AndTheBinOnlyForAdmins()
    {
        var admin = await fixture.LoginAsync("admin");
        var editor = await fixture.LoginAsync("editor");

        var adminPage = await fixture.PageAsync(admin, "/admin");
        var links = adminPage.QuerySelectorAll("ul.status-counts li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            Enum.GetValues<ArticleStatus>().Select(s => $"/admin/articles?status={s}").Append("/admin/articles?status=pending").Append("/admin/articles/bin"),
            links);

        var editorLinks = (await fixture.PageAsync(editor, "/admin")).QuerySelectorAll("ul.status-counts li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain("/admin/articles/bin", editorLinks);
        Assert.Contains("/admin/articles?status=pending", editorLinks);
    }

    [Fact]
    public async Task Tiles_OfALimitedEditor_CountWhatTheirListsShow()
    {
        await fixture.AddAsync("计数 通知草稿", fixture.NoticesId, author: "limited");
        await fixture.AddAsync("计数 新闻草稿", fixture.NewsId, author: "editor2");
        await fixture.AddAsync("计数 通知修改", fixture.NoticesId, ArticleStatus.Published, pendingStatus: ArticleStatus.Draft);
        var limited = await fixture.LoginAsync("limited");

        var page = await fixture.PageAsync(limited, "/admin");
        foreach (var tile in page.QuerySelectorAll("ul.status-counts li a"))
        {
            var count = int.Parse(tile.QuerySelector(".count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
            var rows = await fixture.TitlesAsync(limited, tile.GetAttribute("href")!);
            Assert.True(count == rows.Count, $"{tile.TextContent.Trim()}: tile {count}, list {rows.Count}");
        }

        Assert.Contains("计数 通知草稿", await fixture.TitlesAsync(limited, "/admin/articles?status=Draft"));
        Assert.DoesNotContain("计数 新闻草稿", await fixture.TitlesAsync(limited, "/admin/articles?status=Draft"));
    }

    [Fact]
    public async Task ReviewQueue_ShowsAuthorSectionLevelAndWaitingTime_OldestFirst_WithCorrections()
    {
        await fixture.AddAsync("待审 三审第二级", fixture.GovId, ArticleStatus.Submitted, author: "editor", reviewStage: 1, submittedAt: Now.AddDays(-2).AddHours(-5), updatedAt: Now.AddDays(-2));
        await fixture.AddAsync("待审 已发布的修改", fixture.NewsId, ArticleStatus.Published, author: "editor", lastEditor: "editor2", pendingStatus: ArticleStatus.Submitted, submittedAt: Now.AddHours(-3));
        await fixture.AddAsync("待审 无提交时间", fixture.NewsId, ArticleStatus.Submitted, author: "editor2", updatedAt: Now.AddMinutes(-90));
        await fixture.AddAsync("待审 草稿不在其中", fixture.NewsId, ArticleStatus.Published, pendingStatus: ArticleStatus.Draft, submittedAt: Now.AddDays(-9));
        var reviewer = await fixture.LoginAsync("reviewer");

        var page = await fixture.PageAsync(reviewer, "/admin");
        var rows = page.QuerySelectorAll("table.review-queue tbody tr")
            .Where(r => r.TextContent.Contains("待审 ", StringComparison.Ordinal))
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList())
            .ToList();

        Assert.Equal(3, rows.Count);
        Assert.StartsWith("待审 三审第二级", rows[0][0], StringComparison.Ordinal);
        Assert.Equal(["政务公开", "编辑甲", "复审（第 2 级 / 共 3 级）"], rows[0][1..4]);
        Assert.Contains("已等待 2 天", rows[0][4], StringComparison.Ordinal);

        Assert.StartsWith("待审 已发布的修改", rows[1][0], StringComparison.Ordinal);
        Assert.Contains("待审修改", rows[1][0], StringComparison.Ordinal);
        Assert.Equal(["新闻中心", "编辑乙", "审核（第 1 级 / 共 1 级）"], rows[1][1..4]);
        Assert.Contains("已等待 3 小时", rows[1][4], StringComparison.Ordinal);

        Assert.StartsWith("待审 无提交时间", rows[2][0], StringComparison.Ordinal);
        Assert.Contains("已等待 1 小时", rows[2][4], StringComparison.Ordinal);

        // The submitted time is the site's (Asia/Shanghai, UTC+8): 2030-04-28 21:00 UTC.
        Assert.Contains("2030-04-29 05:00", rows[0][4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewQueue_OfALimitedReviewer_HoldsOnlyTheirSections()
    {
        await fixture.AddAsync("限审 通知待审", fixture.NoticesId, ArticleStatus.Submitted, submittedAt: Now.AddMinutes(-5));
        await fixture.AddAsync("限审 新闻待审", fixture.NewsId, ArticleStatus.Submitted, submittedAt: Now.AddMinutes(-5));
        var limited = await fixture.LoginAsync("limitedreviewer");
        var reviewer = await fixture.LoginAsync("reviewer");

        string Titles(AngleSharp.Dom.IDocument page) => string.Join("|", page.QuerySelectorAll("table.review-queue tbody tr td:first-child a").Select(a => a.TextContent));
        var limitedQueue = Titles(await fixture.PageAsync(limited, "/admin"));
        var fullQueue = Titles(await fixture.PageAsync(reviewer, "/admin"));

        Assert.Contains("限审 通知待审", limitedQueue, StringComparison.Ordinal);
        Assert.DoesNotContain("限审 新闻待审", limitedQueue, StringComparison.Ordinal);
        Assert.Contains("限审 新闻待审", fullQueue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_SeesOwnDraftsReturnedArticlesAndReturnedCorrections_NotTheQueue()
    {
        await fixture.AddAsync("我的 草稿", fixture.NewsId, author: "editor2");
        await fixture.AddAsync("我的 退回稿", fixture.NewsId, ArticleStatus.Returned, author: "editor2");
        await fixture.AddAsync("我的 被退回的修改", fixture.NewsId, ArticleStatus.Published, author: "editor", lastEditor: "editor2", pendingStatus: ArticleStatus.Returned);
        await fixture.AddAsync("别人的 草稿", fixture.NewsId, author: "editor");
        await fixture.AddAsync("我的 待审修改", fixture.NewsId, ArticleStatus.Published, author: "editor", lastEditor: "editor2", pendingStatus: ArticleStatus.Submitted);
        var editor2 = await fixture.LoginAsync("editor2");

        var page = await fixture.PageAsync(editor2, "/admin");
        var items = page.QuerySelectorAll("ul.work-list li").Select(li => li.TextContent).ToList();

        Assert.Null(page.QuerySelector("table.review-queue"));
        Assert.Null(page.QuerySelector("#awaiting-review"));
        Assert.Contains(items, i => i.Contains("我的 草稿", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("我的 退回稿", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("我的 被退回的修改", StringComparison.Ordinal) && i.Contains("待审修改（已退回）", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Contains("别人的", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Contains("我的 待审修改", StringComparison.Ordinal));
    }
}
