using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Search;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Bin;

/// <summary>回收站 over HTTP: who deleted and when, and permanent deletion by administrators only.</summary>
public sealed class ArticleBinTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task Bin_ShowsWhoDeletedWhenSectionAndStatus_FallingBackToTheAuditLog()
    {
        var editor = await fixture.LoginAsync("editor");
        var admin = await fixture.LoginAsync("admin");
        var id = await CreateAsync(editor, ArticleForm("回收站列表稿件", fixture.NewsId, "正文"));
        var (deleted, _) = await PostAsync(editor, $"/admin/articles/delete/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        // An article deleted before the bin recorded who did it (DeletedById null): the log says.
        await fixture.Factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedById, (string?)null)));

        var (_, page) = await fixture.Factory.GetDocumentAsync("/admin/articles/bin?q=" + Uri.EscapeDataString("回收站列表稿件"), admin);
        var cells = page.QuerySelectorAll("table.article-bin tbody tr").Single().QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();

        Assert.Equal("回收站列表稿件", cells[0]);
        Assert.Equal("新闻中心", cells[1]);
        Assert.Equal(ArticleStatus.Draft.DisplayName(), cells[2]);
        Assert.Equal("编辑甲", cells[3]);
        var time = page.QuerySelector("table.article-bin time")!;
        Assert.Equal("2030-05-01 10:00:00", time.TextContent); // the fixture's clock, 02:00 UTC, in Beijing
        Assert.Equal("UTC 2030-05-01 02:00:00", time.GetAttribute("title"));
        var purge = page.QuerySelector($"form[action='/admin/articles/purge/{id}'] button");
        Assert.False(string.IsNullOrWhiteSpace(purge?.GetAttribute("data-confirm")));
    }

    [Fact]
    public async Task Purge_ByAdmin_RemovesArticleRevisionsAndIndexEntryKeepsAuditEntry()
    {
        var admin = await fixture.LoginAsync("admin");
        var (id, key) = await PublishedArticleAsync("永久删除稿件", "独一无二的永删词");
        var livePage = await fixture.Factory.GetDocumentAsync($"/articles/{key}");
        Assert.Equal(HttpStatusCode.OK, livePage.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/admin/articles/delete/{id}", V((await fixture.ArticleAsync(id)).Version))).Response.StatusCode);
        var binnedStatus = (await fixture.Factory.GetDocumentAsync($"/articles/{key}")).Response.StatusCode;
        var lastChange = await fixture.Factory.WithDbAsync(db => db.ContentChanges.MaxAsync(c => c.Id));
        Assert.True(await fixture.Factory.WithDbAsync(db => db.ArticleRevisions.AnyAsync(r => r.ArticleId == id)), "moving to the bin writes a revision");

        var (response, _) = await PostAsync(admin, $"/admin/articles/purge/{id}", []);
        var (_, bin) = await fixture.Factory.GetDocumentAsync(response.Headers.Location!.OriginalString, admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/articles/bin", response.Headers.Location!.OriginalString);
        Assert.Contains(ArticleBin.PurgedMessage, bin.Body!.TextContent, StringComparison.Ordinal);
        await fixture.Factory.WithDbAsync(async db =>
        {
            Assert.False(await db.Articles.AnyAsync(a => a.Id == id));
            Assert.False(await db.ArticleRevisions.AnyAsync(r => r.ArticleId == id));
            Assert.False(await db.ArticleApprovals.AnyAsync(a => a.ArticleId == id));
            Assert.False(await db.PreviewLinks.AnyAsync(l => l.ArticleId == id));
            Assert.False(await db.MediaUses.AnyAsync(u => u.ArticleId == id));

            // The indexers follow the change log: the removal is in it, so every index drops the document.
            Assert.True(await db.ContentChanges.AnyAsync(c => c.Id > lastChange && c.Kind == ContentChangeKind.Article && c.Key == key));
            return 0;
        });
        var purges = await PurgesAsync(id);
        var entry = Assert.Single(purges);
        Assert.Contains("永久删除稿件", entry.Details, StringComparison.Ordinal);
        Assert.Contains(id.ToString(CultureInfo.InvariantCulture), entry.Details, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, binnedStatus);
        Assert.Equal(binnedStatus, (await fixture.Factory.GetDocumentAsync($"/articles/{key}")).Response.StatusCode);
        var (_, search) = await fixture.Factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("独一无二的永删词"));
        Assert.Empty(search.QuerySelectorAll(".search-results li"));

        // The audit log still names it, by the title it had.
        var (_, log) = await fixture.Factory.GetDocumentAsync($"/admin/audit?Target=article&TargetId={id}", admin);
        Assert.All(log.QuerySelectorAll("table.audit-log td.audit-target"), cell =>
        {
            Assert.Contains("永久删除稿件", cell.TextContent, StringComparison.Ordinal);
            Assert.Contains("已永久删除", cell.TextContent, StringComparison.Ordinal);
            Assert.Null(cell.QuerySelector("a"));
        });
    }

    [Theory]
    [InlineData("reviewer")]
    [InlineData("editor")]
    public async Task Purge_ByReviewerOrEditor_IsForbiddenAndDeletesNothing(string userName)
    {
        var (id, _) = await PublishedArticleAsync("不许永删" + userName, "正文");
        await BinAsync(id);
        var client = await fixture.LoginAsync(userName);

        var (response, _) = await PostAsync(client, $"/admin/articles/purge/{id}", []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await fixture.Factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id)));
        Assert.Empty(await PurgesAsync(id));
    }

    [Fact]
    public async Task Purge_ArticleNotInBin_RefusedInChinese()
    {
        var admin = await fixture.LoginAsync("admin");
        var (id, _) = await PublishedArticleAsync("不在回收站", "正文");

        var (response, _) = await PostAsync(admin, $"/admin/articles/purge/{id}", []);
        var (_, bin) = await fixture.Factory.GetDocumentAsync(response.Headers.Location!.OriginalString, admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("只能永久删除回收站中的文章", bin.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await fixture.Factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id)));
        Assert.Empty(await PurgesAsync(id));
    }

    [Fact]
    public async Task Purge_MissingId_Is404()
    {
        var admin = await fixture.LoginAsync("admin");

        var (response, _) = await PostAsync(admin, "/admin/articles/purge/987654", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Purge_ThirtyConcurrentRequests_OneDeletionOneAuditEntryNo500()
    {
        var admin = await fixture.LoginAsync("admin");
        var (id, _) = await PublishedArticleAsync("并发永删", "正文");
        await BinAsync(id);
        var token = await StaffAccounts.AntiforgeryTokenAsync(admin, "/admin/articles/create");

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => admin.PostAsync(
            $"/admin/articles/purge/{id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"answered {(int)r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(await PurgesAsync(id));
        Assert.False(await fixture.Factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id)));
    }

    private Task<List<AuditEntry>> PurgesAsync(int id) =>
        fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ArticlePurge && e.TargetId == id.ToString(CultureInfo.InvariantCulture)).ToListAsync());

    /// <summary>A published article in the news section, stored directly; its id and URL key.</summary>
    private Task<(int Id, string Key)> PublishedArticleAsync(string title, string body) =>
        fixture.Factory.WithDbAsync(async db =>
        {
            var section = await db.Sections.SingleAsync(s => s.Id == fixture.NewsId);
            var key = "purge-" + Guid.NewGuid().ToString("N")[..12];
            var article = TestContent.Article(key, title, section, fixture.Time.GetUtcNow().UtcDateTime.AddDays(-1));
            article.BodyMarkdown = body;
            article.BodyHtml = $"<p>{body}</p>";
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return (article.Id, key);
        });

    private async Task BinAsync(int id)
    {
        var admin = await fixture.LoginAsync("admin");
        var (response, _) = await PostAsync(admin, $"/admin/articles/delete/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
