using System.Net;
using Portal.Core.Articles;
using Portal.Core.Audit;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Articles;

/// <summary>
/// Corrections of live articles (待审修改): the live page stays as it was until the correction is
/// approved, then changes at the same address with 更新时间; a returned or discarded correction
/// leaves it alone; withdrawal takes the correction along.
/// </summary>
public sealed class CorrectionTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task EditorCorrectsLiveArticle_PageUnchangedUntilApproved_ThenReplacedAtTheSameAddress()
    {
        var (editor, reviewer, id, urlKey) = await PublishedAsync("更正测试", "原来的正文");
        var live = await fixture.ArticleAsync(id);

        // An editor may save a change to a live article: no 403, the text is kept as a correction.
        var (saved, _) = await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("更正测试（修订）", fixture.NewsId, "更正后的正文", live.Version));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var pending = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, pending.Status);
        Assert.Equal(ArticleStatus.Draft, pending.PendingStatus);
        Assert.Equal(live.BodyHtml, pending.BodyHtml);
        Assert.Equal("更正测试", pending.Title);

        var page = await PublicPageAsync(urlKey);
        Assert.Contains("原来的正文", page, StringComparison.Ordinal);
        Assert.DoesNotContain("更正后的正文", page, StringComparison.Ordinal);
        Assert.DoesNotContain("更新时间", page, StringComparison.Ordinal);

        // The edit page says which version is live and edits the pending one.
        var (_, edit) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", editor);
        Assert.Contains($"线上版本（第{pending.LiveRevision}版）", edit.QuerySelector(".correction-note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("待审修改", edit.QuerySelector(".correction-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("更正后的正文", edit.QuerySelector("textarea[name='Input.BodyMarkdown']")!.TextContent.Trim());

        var (submitted, _) = await PostAsync(editor, $"/admin/articles/submit/{id}", V(pending.Version));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("原来的正文", await PublicPageAsync(urlKey), StringComparison.Ordinal);

        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var (approved, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var after = await fixture.ArticleAsync(id);
        Assert.Equal(urlKey, after.UrlKey);
        Assert.Equal("更正测试（修订）", after.Title);
        Assert.Null(after.PendingRevision);
        Assert.Null(after.PendingStatus);
        Assert.Equal(after.Version, after.LiveRevision);
        Assert.Equal(live.PublishedAt, after.PublishedAt);
        Assert.NotNull(after.RevisedAt);
        page = await PublicPageAsync(urlKey);
        Assert.Contains("更正后的正文", page, StringComparison.Ordinal);
        Assert.Contains("更新时间", page, StringComparison.Ordinal);
        Assert.Contains(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticleCorrectionPublish);
    }

    [Fact]
    public async Task ReviewerCorrection_NeedsASecondReviewer_ItsOwnApprovalRefused()
    {
        var (_, reviewer, id, urlKey) = await PublishedAsync("审核修改", "正文一");
        var (saved, _) = await PostAsync(reviewer, $"/admin/articles/edit/{id}", ArticleForm("审核修改", fixture.NewsId, "审核改了正文", (await fixture.ArticleAsync(id)).Version, command: "submit"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Not public at once: the reviewer's own change needs someone else.
        Assert.DoesNotContain("审核改了正文", await PublicPageAsync(urlKey), StringComparison.Ordinal);
        var (refused, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var other = await fixture.LoginAsync("reviewer2");
        var (approved, _) = await PostAsync(other, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("审核改了正文", await PublicPageAsync(urlKey), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnedCorrection_LivePageStays_WriterSeesTheComment_DiscardKeepsLive()
    {
        var (editor, reviewer, id, urlKey) = await PublishedAsync("退回修改", "线上正文");
        await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("退回修改", fixture.NewsId, "有问题的修改", (await fixture.ArticleAsync(id)).Version, command: "submit"));

        var (returned, _) = await PostAsync(reviewer, $"/admin/articles/return/{id}", V((await fixture.ArticleAsync(id)).Version, ("comment", "修改内容不准确")));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(ArticleStatus.Returned, article.PendingStatus);
        Assert.Contains("线上正文", await PublicPageAsync(urlKey), StringComparison.Ordinal);
        var (_, edit) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", editor);
        Assert.Contains("修改内容不准确", edit.QuerySelector(".review-comment")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(edit.QuerySelector("form[action^='/admin/articles/discardcorrection/'] button[data-confirm]"));

        var (discarded, _) = await PostAsync(editor, $"/admin/articles/discardcorrection/{id}", V(article.Version));
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        article = await fixture.ArticleAsync(id);
        Assert.Null(article.PendingStatus);
        Assert.Null(article.PendingRevision);
        Assert.Equal("线上正文", article.BodyMarkdown);
        var (_, reloaded) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", editor);
        Assert.Equal("线上正文", reloaded.QuerySelector("textarea[name='Input.BodyMarkdown']")!.TextContent.Trim());
    }

    [Fact]
    public async Task CorrectionWithAFutureDate_RefusedAtApproval_LiveArticleStaysOnline()
    {
        var (editor, reviewer, id, urlKey) = await PublishedAsync("未来日期的修改", "线上");
        var future = fixture.Time.GetUtcNow().AddHours(8).AddYears(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("未来日期的修改", fixture.NewsId, "线上", (await fixture.ArticleAsync(id)).Version, publishedAtLocal: future, command: "submit"));

        var (response, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, edit) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        Assert.Contains("晚于现在", edit.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(id)).PendingStatus);
        Assert.Contains("线上", await PublicPageAsync(urlKey), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnchangedSaveOfLiveArticle_OpensNoCorrection()
    {
        var (editor, _, id, _) = await PublishedAsync("原样", "正文");
        var before = await fixture.ArticleAsync(id);
        var (saved, _) = await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("原样", fixture.NewsId, "正文", before.Version));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await fixture.ArticleAsync(id);
        Assert.Null(after.PendingStatus);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Withdraw_WithPendingCorrection_TakesThePageOffline_CorrectionBecomesTheDraft()
    {
        var (editor, reviewer, id, urlKey) = await PublishedAsync("撤回带修改", "线上");
        await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("撤回带修改", fixture.NewsId, "未审的修改", (await fixture.ArticleAsync(id)).Version));
        var (withdrawn, _) = await PostAsync(reviewer, $"/admin/articles/withdraw/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Withdrawn, article.Status);
        Assert.Null(article.PendingRevision);
        Assert.Equal("未审的修改", article.BodyMarkdown);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Factory.CreateClient().GetAsync($"/articles/{urlKey}")).StatusCode);
    }

    [Fact]
    public async Task PreviewLink_OfArticleWithCorrection_ShowsThePendingText()
    {
        var (editor, reviewer, id, _) = await PublishedAsync("预览修改", "线上文字");
        await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("预览修改", fixture.NewsId, "待审的文字", (await fixture.ArticleAsync(id)).Version));

        var (created, _) = await PostAsync(reviewer, $"/admin/articles/previewlinks/create/{id}", new Dictionary<string, string> { ["hours"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, edit) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        var url = new Uri(edit.QuerySelector("#preview-link-url")!.GetAttribute("value")!);
        var preview = await fixture.Factory.CreateClient().GetStringAsync(url.PathAndQuery);
        Assert.Contains("待审的文字", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("线上文字", preview, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Editor, HttpClient Reviewer, int Id, string UrlKey)> PublishedAsync(string title, string body)
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm(title, fixture.NewsId, body, command: "submit"));
        var (published, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        return (editor, reviewer, id, article.UrlKey);
    }

    private async Task<string> PublicPageAsync(string urlKey)
    {
        var response = await fixture.Factory.CreateClient().GetAsync($"/articles/{urlKey}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
