using System.Globalization;
using System.Net;
using Portal.Core.Articles;
using Portal.Core.Audit;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Articles;

/// <summary>
/// Honest dates (the 发布日期 an editor sets is the one readers see; none means the moment of
/// publishing; a schedule lies in the future; the audit log speaks Beijing time) and section
/// limits that explain themselves (forms, pages and refusals).
/// </summary>
public sealed class DateAndSectionRuleTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task ChosenPublishDate_IsTheDateReadersSee_AfterTheReviewerPublishes()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("补发旧闻", fixture.NewsId, "正文", command: "submit", publishedAtLocal: "2025-06-01T09:00"));
        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));

        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(new DateTime(2025, 6, 1, 1, 0, 0, DateTimeKind.Utc), article.PublishedAt);
        var page = await fixture.Factory.CreateClient().GetStringAsync($"/articles/{article.UrlKey}");
        Assert.Contains("2025-06-01", page, StringComparison.Ordinal);
        Assert.Contains(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticlePublish && e.Details!.Contains("发布日期 2025-06-01 09:00（北京时间）（编辑设定）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyPublishDate_IsTheMomentOfPublishing()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("不填日期", fixture.NewsId, "正文", command: "submit"));
        var (_, edit) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", editor);
        Assert.Equal("", edit.QuerySelector("input[name='Input.PublishedAt']")!.GetAttribute("value") ?? "");

        fixture.Time.Advance(TimeSpan.FromMinutes(20)); // less than the sessions' idle limit
        await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(fixture.Time.GetUtcNow().UtcDateTime, article.PublishedAt);
    }

    [Fact]
    public async Task FuturePublishDate_PublishNow_RefusedWithTheReason()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var future = fixture.Time.GetUtcNow().AddHours(8).AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var id = await CreateAsync(editor, ArticleForm("未来日期", fixture.NewsId, "正文", command: "submit", publishedAtLocal: future));
        var (refused, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var (_, edit) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        Assert.Contains("晚于现在", edit.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Schedule_InThePast_RefusedAndNothingPublished()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("过去的定时", fixture.NewsId, "正文", command: "submit"));
        var past = fixture.Time.GetUtcNow().AddHours(8).AddMinutes(-30).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        var (response, _) = await PostAsync(reviewer, $"/admin/articles/schedule/{id}", V((await fixture.ArticleAsync(id)).Version, ("publishAt", past)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, edit) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        Assert.Contains("已经过去", edit.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Schedule_InTheFuture_KeepsTheChosenDate_PublishedByTheSchedulerAtItsTime()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("定时带日期", fixture.NewsId, "正文", command: "submit", publishedAtLocal: "2030-04-30T08:00"));
        var at = fixture.Time.GetUtcNow().AddHours(8).AddHours(1);
        var (response, _) = await PostAsync(reviewer, $"/admin/articles/schedule/{id}", V((await fixture.ArticleAsync(id)).Version, ("publishAt", at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var scheduled = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Scheduled, scheduled.Status);
        Assert.NotNull(scheduled.ScheduledAt);
        var entry = Assert.Single(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticleSchedule);
        Assert.Contains($"定时 {at:yyyy-MM-dd HH:mm}（北京时间）", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", entry.Details, StringComparison.Ordinal);

        Assert.Equal(0, await fixture.PublishDueAsync());
        fixture.Time.Advance(TimeSpan.FromHours(1)); // the scheduler needs no session
        Assert.Equal(1, await fixture.PublishDueAsync());
        var published = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(new DateTime(2030, 4, 30, 0, 0, 0, DateTimeKind.Utc), published.PublishedAt);
        Assert.Null(published.ScheduledAt);
        Assert.Equal(published.Version, published.LiveRevision);
    }

    [Theory]
    [InlineData("1999-12-31T23:59")]
    [InlineData("2101-01-01T00:00")]
    public async Task Schedule_OutsideTheRange_RefusedInChinese(string value)
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("越界定时", fixture.NewsId, "正文", command: "submit"));
        var (response, _) = await PostAsync(reviewer, $"/admin/articles/schedule/{id}", V((await fixture.ArticleAsync(id)).Version, ("publishAt", value)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, edit) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", edit.QuerySelector(".form-errors")!.TextContent);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task LimitedEditor_FormOffersOnlyTheirSections_AndNamesThem()
    {
        var limited = await fixture.LoginAsync("limited");
        var (_, form) = await fixture.Factory.GetDocumentAsync("/admin/articles/create", limited);
        var options = form.QuerySelectorAll("select[name='Input.SectionId'] option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 }).ToList();
        Assert.Equal([fixture.NoticesId.ToString(CultureInfo.InvariantCulture)], options);
        Assert.Contains("您负责的栏目：通知公告", form.QuerySelector(".article-form")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LimitedEditor_OpeningAnotherSectionsArticle_RefusedWithTheRealReason()
    {
        var editor = await fixture.LoginAsync("editor");
        var limited = await fixture.LoginAsync("limited");
        var id = await CreateAsync(editor, ArticleForm("新闻栏目的稿件", fixture.NewsId, "正文"));

        foreach (var url in new[] { $"/admin/articles/edit/{id}", $"/admin/articles/history/{id}", $"/admin/articles/compare/{id}?from=1&to=1" })
        {
            var (response, page) = await fixture.Factory.GetDocumentAsync(url, limited);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("您只负责“通知公告”栏目，不能查看其他栏目的文章。", page.Body!.TextContent, StringComparison.Ordinal);
        }

        // An invalid form shown again must not show the article either.
        var (invalid, shown) = await PostAsync(limited, $"/admin/articles/edit/{id}", ArticleForm("", fixture.NewsId, "正文", (await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Forbidden, invalid.StatusCode);
        Assert.DoesNotContain("新闻栏目的稿件", shown.Body!.TextContent, StringComparison.Ordinal);

        var (saved, refusal) = await PostAsync(limited, $"/admin/articles/edit/{id}", ArticleForm("越权修改", fixture.NewsId, "正文", (await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Forbidden, saved.StatusCode);
        Assert.Contains("您只负责“通知公告”栏目，不能查看其他栏目的文章。", refusal.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("新闻栏目的稿件", (await fixture.ArticleAsync(id)).Title);
    }
}
