using System.Net;
using Portal.Core.Articles;
using Portal.Core.Audit;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Articles;

/// <summary>The workflow's safeguards against quiet rights and records drift.</summary>
public sealed class SafeguardTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task Save_PublishedArticleWithTheDateAsTheFormShowsIt_KeepsTheDateAndLogsNoDateChange()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("原样保存", fixture.NewsId, "正文", command: "submit"));
        fixture.Time.Advance(TimeSpan.FromSeconds(37)); // publish at a time with seconds, which the form does not show
        await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        var published = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.NotEqual(0, published.PublishedAt.Second);

        var (_, editPage) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        var shownDate = editPage.QuerySelector("input[name='Input.PublishedAt']")!.GetAttribute("value")!;
        var (saved, _) = await PostAsync(reviewer, $"/admin/articles/edit/{id}", ArticleForm("原样保存", fixture.NewsId, "正文", published.Version, publishedAtLocal: shownDate));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(published.PublishedAt, (await fixture.ArticleAsync(id)).PublishedAt);
        Assert.DoesNotContain(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticlePublishDateChange);
    }

    [Fact]
    public async Task Save_ScheduledArticleChangedByReviewer_GoesBackToReviewAndIsNotPublished()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("定时稿", fixture.NewsId, "原文", command: "submit"));
        var at = fixture.Time.GetUtcNow().AddHours(8).AddMinutes(10).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture); // ten minutes ahead, Beijing time
        await PostAsync(reviewer, $"/admin/articles/schedule/{id}", V((await fixture.ArticleAsync(id)).Version, ("publishAt", at)));
        var scheduled = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Scheduled, scheduled.Status);

        var (saved, _) = await PostAsync(reviewer, $"/admin/articles/edit/{id}", ArticleForm("定时稿", fixture.NewsId, "审核自己改写的正文", scheduled.Version, publishedAtLocal: at));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(id)).Status);

        fixture.Time.Advance(TimeSpan.FromMinutes(15)); // past the scheduled time, within the 30-minute session
        await fixture.PublishDueAsync();
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(id)).Status);

        // The reviewer who rewrote it may not approve it; another reviewer may.
        var (own, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        var other = await fixture.LoginAsync("reviewer2");
        var (approved, _) = await PostAsync(other, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ArticleStatus.Published, (await fixture.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Approve_AfterAnotherPersonsEmptySave_WriterOfTheTextStillCannotApprove()
    {
        var editor = await fixture.LoginAsync("editor2");
        var reviewer = await fixture.LoginAsync("reviewer");
        var other = await fixture.LoginAsync("reviewer2");
        var id = await CreateAsync(editor, ArticleForm("换人保存", fixture.NewsId, "编辑的正文", command: "submit"));
        var v = (await fixture.ArticleAsync(id)).Version;
        await PostAsync(reviewer, $"/admin/articles/edit/{id}", ArticleForm("换人保存", fixture.NewsId, "审核改写的正文", v));

        // Someone else opens and saves without changing anything: the text is still the reviewer's.
        v = (await fixture.ArticleAsync(id)).Version;
        await PostAsync(other, $"/admin/articles/edit/{id}", ArticleForm("换人保存", fixture.NewsId, "审核改写的正文", v));
        var (own, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.NotEqual(ArticleStatus.Published, (await fixture.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Bin_SearchByTitle_ShowsOnlyMatchingArticles()
    {
        var editor = await fixture.LoginAsync("editor");
        var admin = await fixture.LoginAsync("admin");
        foreach (var title in new[] { "回收甲稿", "回收乙稿" })
        {
            var id = await CreateAsync(editor, ArticleForm(title, fixture.NewsId, "正文"));
            await PostAsync(editor, $"/admin/articles/delete/{id}", V((await fixture.ArticleAsync(id)).Version));
        }

        var (_, all) = await fixture.Factory.GetDocumentAsync("/admin/articles/bin", admin);
        var (_, found) = await fixture.Factory.GetDocumentAsync("/admin/articles/bin?q=" + Uri.EscapeDataString("甲"), admin);

        Assert.Contains("回收乙稿", all.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("回收甲稿", found.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("回收乙稿", found.Body!.TextContent, StringComparison.Ordinal);
    }
}
