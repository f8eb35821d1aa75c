using Portal.Core.Articles;

namespace Portal.Tests.Admin.Lists;

/// <summary>The article list over HTTP: search, order, the 有待审修改 filter and section limits.</summary>
public sealed class ArticleListTests(ListsFixture fixture) : IClassFixture<ListsFixture>
{
    [Fact]
    public async Task Search_FindsWordsInBodySourceAndKeywords_IgnoringLatinCase()
    {
        var admin = await fixture.LoginAsync("admin");
        await fixture.AddAsync("搜索甲 标题", fixture.NewsId, body: "正文提到 Turpan 吐鲁番市的葡萄");
        await fixture.AddAsync("搜索乙 标题", fixture.NewsId, source: "XINHUA 新华社");
        await fixture.AddAsync("搜索丙 标题", fixture.NewsId, keywords: "乡村振兴,GrapeFest");
        await fixture.AddAsync("搜索丁 TURPAN 在标题里", fixture.NoticesId);
        await fixture.AddAsync("搜索戊 无关", fixture.NewsId, body: "别的内容");

        Assert.Equal(["搜索甲 标题", "搜索丁 TURPAN 在标题里"], (await fixture.TitlesAsync(admin, "/admin/articles?q=turpan&sort=title&dir=desc")).Where(t => t.StartsWith("搜索", StringComparison.Ordinal)));
        Assert.Equal(["搜索乙 标题"], await fixture.TitlesAsync(admin, "/admin/articles?q=xinhua"));
        Assert.Equal(["搜索丙 标题"], await fixture.TitlesAsync(admin, "/admin/articles?q=grapefest"));
        Assert.Equal(["搜索甲 标题"], await fixture.TitlesAsync(admin, "/admin/articles?q=%E5%90%90%E9%B2%81%E7%95%AA")); // 吐鲁番

        // Every word must occur, each anywhere.
        Assert.Equal(["搜索甲 标题"], await fixture.TitlesAsync(admin, "/admin/articles?q=" + Uri.EscapeDataString("搜索 葡萄")));
        Assert.Empty(await fixture.TitlesAsync(admin, "/admin/articles?q=" + Uri.EscapeDataString("葡萄 新华社")));
    }

    [Theory]
    [InlineData("100%", "通配甲 增长100%")]
    [InlineData("a_b", "通配丙 a_b")]
    [InlineData("[x]", "通配戊 [x]")]
    [InlineData("50\\", "通配己 50\\")]
    public async Task Search_WildcardCharacters_MatchLiterally(string term, string expected)
    {
        var admin = await fixture.LoginAsync("admin");
        if ((await fixture.TitlesAsync(admin, "/admin/articles?q=" + Uri.EscapeDataString("通配"))).Count == 0)
        {
            foreach (var title in new[] { "通配甲 增长100%", "通配乙 增长1000", "通配丙 a_b", "通配丁 axb", "通配戊 [x]", "通配庚 x", "通配己 50\\", "通配辛 50" })
            {
                await fixture.AddAsync(title, fixture.NewsId);
            }
        }

        Assert.Equal([expected], await fixture.TitlesAsync(admin, "/admin/articles?q=" + Uri.EscapeDataString(term)));
    }

    [Fact]
    public async Task Sort_ByEachColumn_OrdersRowsAndKeepsFiltersInHeadersAndPager()
    {
        var admin = await fixture.LoginAsync("admin");
        var t0 = new DateTime(2029, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await fixture.AddAsync("排序 B", fixture.NewsId, ArticleStatus.Published, publishedAt: t0.AddDays(3), updatedAt: t0.AddDays(1));
        await fixture.AddAsync("排序 A", fixture.NewsId, ArticleStatus.Submitted, publishedAt: t0.AddDays(1), updatedAt: t0.AddDays(3));
        await fixture.AddAsync("排序 C", fixture.NewsId, ArticleStatus.Draft, publishedAt: t0.AddDays(2), updatedAt: t0.AddDays(2));
        const string list = "/admin/articles?q=%E6%8E%92%E5%BA%8F"; // 排序

        Assert.Equal(["排序 A", "排序 C", "排序 B"], await fixture.TitlesAsync(admin, list));
        Assert.Equal(["排序 A", "排序 B", "排序 C"], await fixture.TitlesAsync(admin, list + "&sort=title&dir=asc"));
        Assert.Equal(["排序 C", "排序 B", "排序 A"], await fixture.TitlesAsync(admin, list + "&sort=title&dir=desc"));
        Assert.Equal(["排序 B", "排序 C", "排序 A"], await fixture.TitlesAsync(admin, list + "&sort=date"));
        Assert.Equal(["排序 A", "排序 C", "排序 B"], await fixture.TitlesAsync(admin, list + "&sort=date&dir=asc"));
        Assert.Equal(["排序 C", "排序 A", "排序 B"], await fixture.TitlesAsync(admin, list + "&sort=status&dir=asc"));
        Assert.Equal(["排序 B", "排序 C", "排序 A"], await fixture.TitlesAsync(admin, list + "&sort=updated&dir=asc"));

        // Nonsense falls back to the default order instead of failing.
        Assert.Equal(["排序 A", "排序 C", "排序 B"], await fixture.TitlesAsync(admin, list + "&sort=1&dir=sideways"));

        var page = await fixture.PageAsync(admin, list + "&status=Draft&sort=title&dir=asc");
        var title = page.QuerySelector("th[aria-sort]")!;
        Assert.Equal("ascending", title.GetAttribute("aria-sort"));
        Assert.Contains("标题", title.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("th[aria-sort]"));
        var titleLink = title.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Contains("sort=title", titleLink, StringComparison.Ordinal);
        Assert.Contains("dir=desc", titleLink, StringComparison.Ordinal);
        Assert.Contains("status=Draft", titleLink, StringComparison.Ordinal);
        Assert.Contains("q=%E6%8E%92%E5%BA%8F", titleLink, StringComparison.Ordinal);
        var dateLink = page.QuerySelectorAll("th a").Single(a => a.TextContent.Contains("发布日期", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Contains("sort=date", dateLink, StringComparison.Ordinal);
        Assert.Contains("dir=desc", dateLink, StringComparison.Ordinal);

        // The search form keeps the order; the bulk form returns to this very list.
        Assert.Equal("title", page.QuerySelector("form.filters input[name='sort']")!.GetAttribute("value"));
        Assert.Equal("asc", page.QuerySelector("form.filters input[name='dir']")!.GetAttribute("value"));
        var back = page.QuerySelector("form.bulk-form input[name='returnUrl']")!.GetAttribute("value")!;
        Assert.StartsWith("/admin/articles?", back, StringComparison.Ordinal);
        Assert.Contains("status=Draft", back, StringComparison.Ordinal);
        Assert.Contains("sort=title", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pager_OfASortedList_KeepsTheOrder()
    {
        var admin = await fixture.LoginAsync("admin");
        for (var i = 0; i < EditorialQueries.PageSize + 2; i++)
        {
            await fixture.AddAsync($"翻页 {i:D2}", fixture.NewsId);
        }

        var list = "/admin/articles?q=" + Uri.EscapeDataString("翻页") + "&sort=title&dir=asc";
        var first = await fixture.PageAsync(admin, list);
        var next = first.QuerySelector("nav.pager a[rel='next']")!.GetAttribute("href")!;
        Assert.Contains("sort=title", next, StringComparison.Ordinal);
        Assert.Contains("dir=asc", next, StringComparison.Ordinal);
        Assert.Equal(["翻页 20", "翻页 21"], await fixture.TitlesAsync(admin, next));
    }

    [Fact]
    public async Task StatusFilter_PendingChange_ListsLiveArticlesWithACorrectionAndMarksThem()
    {
        var admin = await fixture.LoginAsync("admin");
        await fixture.AddAsync("待改 有修改", fixture.NewsId, ArticleStatus.Published, pendingStatus: ArticleStatus.Submitted);
        await fixture.AddAsync("待改 无修改", fixture.NewsId, ArticleStatus.Published);
        var q = "&q=" + Uri.EscapeDataString("待改");

        Assert.Equal(["待改 有修改"], await fixture.TitlesAsync(admin, "/admin/articles?status=pending" + q));
        var page = await fixture.PageAsync(admin, "/admin/articles?sort=title" + q);
        var marked = page.QuerySelectorAll("tr.has-pending-change").ToList();
        Assert.Single(marked);
        Assert.Contains("待改 有修改", marked[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("有待审修改（待审）", marked[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("select#status option[value='pending']"));
        Assert.Equal("pending", (await fixture.PageAsync(admin, "/admin/articles?status=pending" + q)).QuerySelector("select#status option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("limited")]
    [InlineData("limitedreviewer")]
    public async Task SectionLimitedAccount_SeesOnlyItsSectionsInRowsAndChoices(string userName)
    {
        var client = await fixture.LoginAsync(userName);
        await fixture.AddAsync("限栏 通知稿 " + userName, fixture.NoticesId, author: "editor2");
        await fixture.AddAsync("限栏 新闻稿 " + userName, fixture.NewsId, author: "editor2");
        await fixture.AddAsync("限栏 新闻已发布 " + userName, fixture.NewsId, ArticleStatus.Published, author: "reviewer");
        var q = "?q=" + Uri.EscapeDataString("限栏 " + userName);

        Assert.Equal(["限栏 通知稿 " + userName], await fixture.TitlesAsync(client, "/admin/articles" + q));

        // Asking for another section's articles shows none, rather than them.
        Assert.Empty(await fixture.TitlesAsync(client, $"/admin/articles{q}&sectionId={fixture.NewsId}"));
        var page = await fixture.PageAsync(client, "/admin/articles" + q);
        Assert.Equal(["", fixture.NoticesId.ToString(System.Globalization.CultureInfo.InvariantCulture)], page.QuerySelectorAll("select#sectionId option").Select(o => o.GetAttribute("value")));
        Assert.Contains("通知公告", page.QuerySelector(".section-limit-note")!.TextContent, StringComparison.Ordinal);

        // Authors are offered only from the account's own sections.
        Assert.DoesNotContain("审核甲", page.QuerySelectorAll("select#authorId option").Select(o => o.TextContent));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("reviewer")]
    [InlineData("editor")]
    public async Task UnlimitedAccount_SeesEverySection(string userName)
    {
        var client = await fixture.LoginAsync(userName);
        await fixture.AddAsync("全栏 通知稿 " + userName, fixture.NoticesId, author: "editor2");
        await fixture.AddAsync("全栏 新闻稿 " + userName, fixture.NewsId, author: "editor2");

        Assert.Equal(["全栏 通知稿 " + userName, "全栏 新闻稿 " + userName], await fixture.TitlesAsync(client, "/admin/articles?sort=title&dir=desc&q=" + Uri.EscapeDataString("全栏 " + userName)));
        var page = await fixture.PageAsync(client, "/admin/articles");
        Assert.Equal(4, page.QuerySelectorAll("select#sectionId option").Length);
        Assert.Null(page.QuerySelector(".section-limit-note"));
    }

    [Theory]
    [InlineData("editor", new[] { "submit", "delete" })]
    [InlineData("reviewer", new[] { "submit", "approve", "withdraw", "delete" })]
    [InlineData("admin", new[] { "submit", "approve", "withdraw", "delete" })]
    public async Task BulkForm_OffersTheActorsCommands_WithRowCheckboxesAndAConfirmation(string userName, string[] commands)
    {
        var client = await fixture.LoginAsync(userName);
        var id = await fixture.AddAsync("批量表单 " + userName, fixture.NewsId);
        var page = await fixture.PageAsync(client, "/admin/articles?q=" + Uri.EscapeDataString("批量表单 " + userName));

        Assert.Equal(commands, page.QuerySelectorAll("select#bulk-command option").Select(o => o.GetAttribute("value")).Where(v => v != ""));
        var form = page.QuerySelector("form.bulk-form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.False(string.IsNullOrEmpty(form.QuerySelector("button[type='submit']")!.GetAttribute("data-confirm")));
        Assert.Equal($"{id}:0", form.QuerySelector("tbody input[type='checkbox'][name='items']")!.GetAttribute("value"));

        // The select-all box is for JavaScript to show; without it the row boxes work alone.
        Assert.True(form.QuerySelector("input[data-select-all]")!.HasAttribute("hidden"));
    }
}
