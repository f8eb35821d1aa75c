using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;
using static Portal.Tests.Admin.Lists.ListsFixture;

namespace Portal.Tests.Admin.Lists;

/// <summary>批量操作 over HTTP: per-item results, refusals by the service, conflicts, limits and races.</summary>
public sealed class ArticleBulkTests(ListsFixture fixture) : IClassFixture<ListsFixture>
{
    /// <summary>An article written and submitted by <paramref name="writer"/> through the forms; returns its id and version.</summary>
    private async Task<(int Id, int Version)> SubmittedAsync(HttpClient writer, string title, int? sectionId = null)
    {
        var id = await CreateAsync(writer, ArticleForm(title, sectionId ?? fixture.NewsId, "正文", command: "submit"));
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Submitted, article.Status);
        return (id, article.Version);
    }

    private static List<(string Title, string Result)> Rows(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table.bulk-results tbody tr")
            .Select(r => (r.Children[0].TextContent.Trim(), r.Children[1].TextContent.Trim()))
            .ToList();

    [Fact]
    public async Task Approve_ByReviewer_MixOfItems_EachGetsItsOwnResult()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var good = await SubmittedAsync(editor, "批量 编辑稿");
        var own = await SubmittedAsync(reviewer, "批量 审核本人稿");
        var stale = await SubmittedAsync(editor, "批量 已被改动");
        var (changed, _) = await PostAsync(editor, $"/admin/articles/edit/{stale.Id}", ArticleForm("批量 已被改动", fixture.NewsId, "改过的正文", stale.Version, "submit"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var (response, page) = await BulkAsync(reviewer, "approve", [Item(good.Id, good.Version), Item(own.Id, own.Version), Item(stale.Id, stale.Version), Item(987654, 1)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("成功 1 篇，未处理 3 篇", page.QuerySelector(".bulk-summary")!.TextContent, StringComparison.Ordinal);
        var rows = Rows(page);
        Assert.Equal(["批量 编辑稿", "批量 审核本人稿", "批量 已被改动", "文章 #987654"], rows.Select(r => r.Title));
        Assert.StartsWith("成功", rows[0].Result, StringComparison.Ordinal);
        Assert.StartsWith("未处理", rows[1].Result, StringComparison.Ordinal);
        Assert.Contains("本人", rows[1].Result, StringComparison.Ordinal);
        Assert.Contains("已被他人修改", rows[2].Result, StringComparison.Ordinal);
        Assert.Contains("不存在", rows[3].Result, StringComparison.Ordinal);
        Assert.Contains("单独处理", page.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(ArticleStatus.Published, (await fixture.ArticleAsync(good.Id)).Status);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(own.Id)).Status);
        var staleNow = await fixture.ArticleAsync(stale.Id);
        Assert.Equal(ArticleStatus.Submitted, staleNow.Status);
        Assert.Equal("改过的正文", staleNow.BodyMarkdown);
    }

    [Fact]
    public async Task Approve_ByEditor_IsRefusedForEveryItemAndChangesNothing()
    {
        var editor = await fixture.LoginAsync("editor");
        var editor2 = await fixture.LoginAsync("editor2");
        var a = await SubmittedAsync(editor2, "批量 编辑越权一");
        var b = await SubmittedAsync(editor2, "批量 编辑越权二");

        var (response, page) = await BulkAsync(editor, "approve", [Item(a.Id, a.Version), Item(b.Id, b.Version)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("成功 0 篇，未处理 2 篇", page.QuerySelector(".bulk-summary")!.TextContent, StringComparison.Ordinal);
        Assert.All(Rows(page), r => Assert.StartsWith("未处理", r.Result, StringComparison.Ordinal));
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(a.Id)).Status);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(b.Id)).Status);
    }

    [Fact]
    public async Task SubmitAndDelete_ByEditor_WorkPerItem()
    {
        var editor = await fixture.LoginAsync("editor");
        var draft = await CreateAsync(editor, ArticleForm("批量 草稿一", fixture.NewsId, "正文"));
        var published = await fixture.AddAsync("批量 已发布", fixture.NewsId, ArticleStatus.Published);

        var (_, submitted) = await BulkAsync(editor, "submit", [Item(draft, (await fixture.ArticleAsync(draft)).Version), Item(published, 0)]);
        Assert.Contains("成功 1 篇，未处理 1 篇", submitted.QuerySelector(".bulk-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(draft)).Status);

        var (_, deleted) = await BulkAsync(editor, "delete", [Item(draft, (await fixture.ArticleAsync(draft)).Version), Item(published, 0)]);
        Assert.Contains("成功 1 篇，未处理 1 篇", deleted.QuerySelector(".bulk-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await fixture.ArticleAsync(draft)).DeletedAt);
        Assert.Null((await fixture.ArticleAsync(published)).DeletedAt);
        Assert.Contains("审核或管理员", Rows(deleted)[1].Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_ByReviewer_TakesPublishedArticlesOffline()
    {
        var reviewer = await fixture.LoginAsync("reviewer");
        var published = await fixture.AddAsync("批量 撤回", fixture.NewsId, ArticleStatus.Published);
        var draft = await fixture.AddAsync("批量 不能撤回的草稿", fixture.NewsId);

        var (_, page) = await BulkAsync(reviewer, "withdraw", [Item(published, 0), Item(draft, 0)]);

        Assert.Contains("成功 1 篇，未处理 1 篇", page.QuerySelector(".bulk-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Withdrawn, (await fixture.ArticleAsync(published)).Status);
        Assert.Equal(ArticleStatus.Draft, (await fixture.ArticleAsync(draft)).Status);
    }

    [Fact]
    public async Task TooManyItems_AreRefusedAndNothingIsDone()
    {
        var editor = await fixture.LoginAsync("editor");
        var draft = await fixture.AddAsync("批量 超出上限", fixture.NewsId);
        var items = new List<string> { Item(draft, 0) };
        items.AddRange(Enumerable.Range(1_000_000, ArticleBulkService.MaxItems).Select(i => Item(i, 0)));

        var (response, page) = await BulkAsync(editor, "submit", items);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("一次最多处理 100 篇", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("table.bulk-results"));
        Assert.Equal(ArticleStatus.Draft, (await fixture.ArticleAsync(draft)).Status);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1:")]
    [InlineData(":1")]
    [InlineData("0:0")]
    [InlineData("-1:0")]
    [InlineData("1:-1")]
    [InlineData("1:2:3")]
    [InlineData(" 1:0")]
    [InlineData("99999999999:0")]
    public async Task MalformedItem_RefusesTheWholeRequest(string malformed)
    {
        var editor = await fixture.LoginAsync("editor");
        var draft = await fixture.AddAsync("批量 格式错误 " + malformed, fixture.NewsId);

        var (response, page) = await BulkAsync(editor, "submit", [Item(draft, 0), malformed]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法识别", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Draft, (await fixture.ArticleAsync(draft)).Status);
    }

    [Fact]
    public async Task DuplicateItems_SameVersionRunOnce_DifferentVersionsAreRefused()
    {
        var editor = await fixture.LoginAsync("editor");
        var draft = await fixture.AddAsync("批量 重复条目", fixture.NewsId);

        var (refused, refusedPage) = await BulkAsync(editor, "submit", [Item(draft, 0), Item(draft, 1)]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("两个不同的版本", refusedPage.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Draft, (await fixture.ArticleAsync(draft)).Status);

        var (done, page) = await BulkAsync(editor, "submit", [Item(draft, 0), Item(draft, 0)]);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Single(Rows(page));
        Assert.Contains("成功 1 篇，未处理 0 篇", page.QuerySelector(".bulk-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(draft)).Status);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("")]
    [InlineData("Approve ")]
    public async Task UnknownCommandOrNoItems_AreRefused(string command)
    {
        var reviewer = await fixture.LoginAsync("reviewer");
        var draft = await fixture.AddAsync("批量 未知操作 " + command, fixture.NewsId);

        var (unknown, unknownPage) = await BulkAsync(reviewer, command, [Item(draft, 0)]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("请选择要执行的批量操作", unknownPage.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);

        var (none, nonePage) = await BulkAsync(reviewer, "submit", []);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("请至少勾选一篇文章", nonePage.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Draft, (await fixture.ArticleAsync(draft)).Status);
    }

    [Fact]
    public async Task ItemsOutsideTheActorsSections_AreRefusedWithoutShowingTheirTitles()
    {
        var limited = await fixture.LoginAsync("limited");
        var other = await fixture.AddAsync("批量 别栏目的机密草稿", fixture.NewsId, author: "editor2");
        var mine = await fixture.AddAsync("批量 本栏目草稿", fixture.NoticesId, author: "limited");

        var (_, page) = await BulkAsync(limited, "submit", [Item(other, 0), Item(mine, 0)]);

        Assert.DoesNotContain("机密", page.Body!.TextContent, StringComparison.Ordinal);
        var rows = Rows(page);
        Assert.Equal($"文章 #{other}", rows[0].Title);
        Assert.StartsWith("未处理", rows[0].Result, StringComparison.Ordinal);
        Assert.StartsWith("成功", rows[1].Result, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Draft, (await fixture.ArticleAsync(other)).Status);
    }

    [Theory]
    [InlineData("/admin/articles?status=Draft&sort=title&dir=asc", "/admin/articles?status=Draft&sort=title&dir=asc")]
    [InlineData("/admin/articles", "/admin/articles")]
    [InlineData("https://evil.example/admin/articles", "/admin/articles")]
    [InlineData("//evil.example/admin/articles", "/admin/articles")]
    [InlineData("/admin/users", "/admin/articles")]
    [InlineData("/admin/articles/../users", "/admin/articles")]
    [InlineData("/admin/articles?\\evil", "/admin/articles")]
    public async Task ResultPage_LinksBackToTheListItCameFromOnly(string returnUrl, string expected)
    {
        var editor = await fixture.LoginAsync("editor");
        var draft = await fixture.AddAsync("批量 返回地址", fixture.NewsId);

        var (_, page) = await BulkAsync(editor, "delete", [Item(draft, (await fixture.ArticleAsync(draft)).Version)], returnUrl);

        Assert.Equal(expected, page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("返回文章列表", StringComparison.Ordinal)).GetAttribute("href"));
    }

    [Fact]
    public async Task ConcurrentIdenticalApprovals_PublishOnceAndNeverFail()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer2");
        var (id, version) = await SubmittedAsync(editor, "批量 并发审核");
        var token = await StaffAccounts.AntiforgeryTokenAsync(reviewer, "/admin/articles/create");

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => reviewer.PostAsync("/admin/articles/bulk", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("command", "approve"),
            new("items", Item(id, version)),
        ]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var pages = await Task.WhenAll(responses.Select(PortalFactory.ParseAsync));
        Assert.Equal(1, pages.Count(p => p.QuerySelector(".bulk-summary")!.TextContent.Contains("成功 1 篇", StringComparison.Ordinal)));
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        var publishes = await fixture.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.TargetType == "article" && e.TargetId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == AuditActions.ArticlePublish));
        Assert.Equal(1, publishes);
    }
}
