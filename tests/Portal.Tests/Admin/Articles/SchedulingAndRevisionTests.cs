using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Audit;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Articles;

/// <summary>Scheduled publishing with the fake clock, the edit conflict, and revisions.</summary>
public sealed class SchedulingAndRevisionTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task ScheduledArticle_HiddenBeforeTime_PublishedOnceAfterEvenWhenRunConcurrently()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("定时稿件", fixture.NewsId, "定时正文", command: "submit"));
        var local = fixture.Time.GetUtcNow().UtcDateTime.AddHours(8).AddMinutes(10); // Beijing is UTC+8
        var (scheduled, _) = await PostAsync(reviewer, $"/admin/articles/schedule/{id}", V((await fixture.ArticleAsync(id)).Version, ("publishAt", local.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Scheduled, article.Status);

        Assert.Equal(0, await fixture.PublishDueAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Factory.GetDocumentAsync($"/articles/{article.UrlKey}")).Response.StatusCode);

        fixture.Time.Advance(TimeSpan.FromMinutes(11));
        var counts = await Task.WhenAll(fixture.PublishDueAsync(), fixture.PublishDueAsync(), fixture.PublishDueAsync());
        Assert.Equal(1, counts.Sum());
        Assert.Equal(0, await fixture.PublishDueAsync());

        Assert.Equal(ArticleStatus.Published, (await fixture.ArticleAsync(id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.GetDocumentAsync($"/articles/{article.UrlKey}")).Response.StatusCode);
        var entry = Assert.Single(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticleScheduledPublish);
        Assert.Equal("system", entry.UserName);
        Assert.Null(entry.UserId);
    }

    [Fact]
    public async Task EditConflict_SecondSaveGetsConflictPageAndNothingIsOverwritten()
    {
        var first = await fixture.LoginAsync("editor");
        var second = await fixture.LoginAsync("editor2");
        var id = await CreateAsync(first, ArticleForm("冲突稿件", fixture.NewsId, "原始正文"));
        var version = (await fixture.ArticleAsync(id)).Version;

        var (one, _) = await PostAsync(first, $"/admin/articles/edit/{id}", ArticleForm("冲突稿件", fixture.NewsId, "原始正文，甲补充的一句", version));
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        var (two, page) = await PostAsync(second, $"/admin/articles/edit/{id}", ArticleForm("冲突稿件（乙）", fixture.NewsId, "乙重写的正文", version));

        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        var conflict = page.QuerySelector(".conflict")!;
        Assert.Contains("甲补充的一句", string.Concat(conflict.QuerySelectorAll(".body-diff ins").Select(e => e.TextContent)), StringComparison.Ordinal);
        Assert.Contains("编辑甲", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal("冲突稿件（乙）", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal("乙重写的正文", page.QuerySelector("textarea[name='Input.BodyMarkdown']")!.TextContent.Trim());

        var stored = await fixture.ArticleAsync(id);
        Assert.Equal("原始正文，甲补充的一句", stored.BodyMarkdown);
        Assert.Equal(version + 1, stored.Version);
        var revisions = await fixture.Factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id));
        Assert.Equal(2, revisions);
    }

    [Fact]
    public async Task Revisions_CompareShowsCharacterDiff_RestoreMakesNewDraft()
    {
        var editor = await fixture.LoginAsync("editor");
        var id = await CreateAsync(editor, ArticleForm("版本稿件", fixture.NewsId, "今天天气很好。"));
        await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("版本稿件（改）", fixture.NewsId, "今天天气不好。", 1));

        var (history, historyPage) = await fixture.Factory.GetDocumentAsync($"/admin/articles/history/{id}", editor);
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal(2, historyPage.QuerySelectorAll("table.revisions tbody tr").Length);

        var (_, compare) = await fixture.Factory.GetDocumentAsync($"/admin/articles/compare/{id}?from=1&to=2", editor);
        Assert.Equal("很", compare.QuerySelector(".body-diff del")!.TextContent);
        Assert.Equal("不", compare.QuerySelector(".body-diff ins")!.TextContent);
        Assert.Contains("版本稿件（改）", compare.QuerySelector(".field-changes")!.TextContent, StringComparison.Ordinal);

        var (restored, _) = await PostAsync(editor, $"/admin/articles/restorerevision/{id}", new() { ["number"] = "1", ["version"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var article = await fixture.ArticleAsync(id);
        Assert.Equal("版本稿件", article.Title);
        Assert.Equal("今天天气很好。", article.BodyMarkdown);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal(3, article.Version);
        var note = await fixture.Factory.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id && r.Number == 3).Select(r => r.Note).SingleAsync());
        Assert.Equal("恢复自第1版", note);
        Assert.Contains(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticleRevisionRestore);
    }
}
