using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Articles;

/// <summary>Where refusals lead, what history offers, when the body is rendered, which buttons ask first.</summary>
public sealed class RefusalAndHistoryTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task RestoreRevision_OfPublishedArticle_BecomesACorrectionAndTheLivePageStays()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("已发布不可恢复", fixture.NewsId, "第一稿", command: "submit"));
        await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);

        var (_, history) = await fixture.Factory.GetDocumentAsync($"/admin/articles/history/{id}", reviewer);
        Assert.Equal(2, history.QuerySelectorAll("table.revisions tbody tr").Length);
        Assert.Contains(history.QuerySelectorAll("table.revisions button"), b => b.TextContent.Contains("恢复为待审修改", StringComparison.Ordinal));

        // Restoring an old revision of a live article opens a correction: the page stays as it is.
        var (restored, _) = await PostAsync(reviewer, $"/admin/articles/restorerevision/{id}", V(article.Version, ("number", "1")));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var after = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, after.Status);
        Assert.Equal(ArticleStatus.Draft, after.PendingStatus);
        Assert.Equal(article.BodyHtml, after.BodyHtml);
        var (_, edit) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        Assert.Contains("待审修改", edit.QuerySelector(".correction-note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_DraftWithTwoRevisions_OffersRestoreAndShowsLocalTimes()
    {
        var editor = await fixture.LoginAsync("editor");
        var id = await CreateAsync(editor, ArticleForm("历史稿件", fixture.NewsId, "第一稿"));
        await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("历史稿件", fixture.NewsId, "第二稿", (await fixture.ArticleAsync(id)).Version));

        var (_, history) = await fixture.Factory.GetDocumentAsync($"/admin/articles/history/{id}", editor);

        Assert.Single(history.QuerySelectorAll("table.revisions button"), b => b.TextContent.Contains("恢复为新草稿", StringComparison.Ordinal));

        // The fixture's clock stands at 2030-05-01 02:00 UTC: 10:00 in Beijing.
        var times = history.QuerySelectorAll("table.revisions tbody time").ToList();
        Assert.Equal(2, times.Count);
        Assert.All(times, t => Assert.Equal("2030-05-01 10:00:00", t.TextContent));
        Assert.All(times, t => Assert.Equal("2030-05-01T02:00:00Z", t.GetAttribute("datetime")));
        Assert.All(times, t => Assert.Equal("UTC 2030-05-01 02:00:00", t.GetAttribute("title")));
    }

    [Fact]
    public async Task StatusChange_KeepsTheRenderedBody_EditOfTheBodyRendersIt()
    {
        var editor = await fixture.LoginAsync("editor");
        var id = await CreateAsync(editor, ArticleForm("渲染稿件", fixture.NewsId, "原正文"));
        Assert.Contains("原正文", (await fixture.ArticleAsync(id)).BodyHtml, StringComparison.Ordinal);

        // A stored rendering no renderer would produce: only a new rendering can replace it.
        await fixture.Factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.BodyHtml, "<p>已存的渲染</p>")));
        var (submitted, _) = await PostAsync(editor, $"/admin/articles/submit/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Submitted, article.Status);
        Assert.Equal("<p>已存的渲染</p>", article.BodyHtml);

        await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("渲染稿件", fixture.NewsId, "新正文", article.Version));
        Assert.Equal("<p>新正文</p>\n", (await fixture.ArticleAsync(id)).BodyHtml);
    }

    [Fact]
    public async Task EditPage_WithdrawAndDelete_AskForConfirmation()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("确认对话框", fixture.NewsId, "正文", command: "submit"));
        await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));

        var (_, edit) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);

        foreach (var action in new[] { "withdraw", "delete" })
        {
            var button = edit.QuerySelector($"form[action='/admin/articles/{action}/{id}'] button[type=submit]")!;
            Assert.False(string.IsNullOrWhiteSpace(button.GetAttribute("data-confirm")), action);
        }
    }
}
