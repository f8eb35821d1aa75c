using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Search;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Articles;

/// <summary>
/// 推荐与置顶 over HTTP: reviewers and administrators set 置顶 (through a Beijing date), 头条 and
/// 图片新闻 on live articles; editors cannot; 图片新闻 needs a cover with alt text; every change is
/// audited and logged for re-rendering, and none is a content change. The fixture's clock stands
/// at 2030-05-01 10:00 Beijing time.
/// </summary>
public sealed class FeatureTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    private static Dictionary<string, string> Feature(string pinnedThrough = "", bool headline = false, bool pictureNews = false)
    {
        var fields = new Dictionary<string, string> { ["PinnedThrough"] = pinnedThrough };
        if (headline)
        {
            fields["IsHeadline"] = "true";
        }

        if (pictureNews)
        {
            fields["IsPictureNews"] = "true";
        }

        return fields;
    }

    /// <summary>An article written by the editor and published by the reviewer; returns its id.</summary>
    private async Task<int> PublishedAsync(string title, int? coverId = null)
    {
        var editor = await fixture.LoginAsync("editor");
        var form = ArticleForm(title, fixture.NewsId, "正文", command: "submit");
        form["Input.CoverImageId"] = coverId?.ToString(CultureInfo.InvariantCulture) ?? "";
        var id = await CreateAsync(editor, form);
        var reviewer = await fixture.LoginAsync("reviewer");
        var (published, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(ArticleStatus.Published, (await fixture.ArticleAsync(id)).Status);
        return id;
    }

    /// <summary>Uploads an image through the media library; returns its id.</summary>
    private async Task<int> UploadImageAsync(string name)
    {
        var admin = await fixture.LoginAsync("admin");
        var token = await StaffAccounts.AntiforgeryTokenAsync(admin, "/admin/media");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestContent.TinyPng);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", name);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/media/upload", form)).StatusCode);
        return await fixture.Factory.WithDbAsync(db => db.MediaFiles.Where(m => m.OriginalName == name).Select(m => m.Id).SingleAsync());
    }

    private Task<List<string>> ChangeKeysAsync(string urlKey) =>
        fixture.Factory.WithDbAsync(db => db.ContentChanges.Where(c => c.Kind == ContentChangeKind.Article && c.Key == urlKey).Select(c => c.Key!).ToListAsync());

    private Task<int> RevisionCountAsync(int id) =>
        fixture.Factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id));

    [Fact]
    public async Task Feature_ByReviewer_PinsThroughTheBeijingDayAndSetsHeadlineAuditedWithoutARevision()
    {
        var id = await PublishedAsync("置顶测试文章");
        var before = await fixture.ArticleAsync(id);
        var revisions = await RevisionCountAsync(id);
        var changes = (await ChangeKeysAsync(before.UrlKey)).Count;
        var reviewer = await fixture.LoginAsync("reviewer2");

        var (response, _) = await PostAsync(reviewer, $"/admin/articles/feature/{id}", Feature("2030-05-10", headline: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/articles/edit/{id}", response.Headers.Location!.OriginalString);
        var after = await fixture.ArticleAsync(id);

        // Through 2030-05-10 in Beijing: until 2030-05-11 00:00 +08:00.
        Assert.Equal(new DateTime(2030, 5, 10, 16, 0, 0, DateTimeKind.Utc), after.PinnedUntil);
        Assert.True(after.IsHeadline);
        Assert.False(after.IsPictureNews);

        // Not a content change: same version, no revision, no new update time; but logged for re-rendering.
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(revisions, await RevisionCountAsync(id));
        Assert.Equal(changes + 1, (await ChangeKeysAsync(before.UrlKey)).Count);

        var entry = Assert.Single(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticleFeature);
        Assert.Equal("reviewer2", entry.UserName);
        Assert.Equal("置顶：无 → 至 2030-05-10（北京时间）；头条：否 → 是", entry.Details);

        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        Assert.StartsWith("推荐与置顶已保存", page.QuerySelector(".admin-main > p.flash")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("2030-05-10", page.QuerySelector("form[action='/admin/articles/feature/" + id + "'] input[name='PinnedThrough']")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name='IsHeadline']")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Feature_ByAdmin_ClearsThePinAndSameFormTwice_SaysNothingChanged()
    {
        var id = await PublishedAsync("管理员取消置顶");
        var admin = await fixture.LoginAsync("admin");
        var (pinned, _) = await PostAsync(admin, $"/admin/articles/feature/{id}", Feature("2030-05-01"));
        Assert.Equal(HttpStatusCode.Redirect, pinned.StatusCode);

        // Today (Beijing) is still ahead until midnight: allowed.
        Assert.Equal(new DateTime(2030, 5, 1, 16, 0, 0, DateTimeKind.Utc), (await fixture.ArticleAsync(id)).PinnedUntil);

        await PostAsync(admin, $"/admin/articles/feature/{id}", Feature());
        Assert.Null((await fixture.ArticleAsync(id)).PinnedUntil);
        var (again, _) = await PostAsync(admin, $"/admin/articles/feature/{id}", Feature());
        var (_, page) = await fixture.Factory.GetDocumentAsync(again.Headers.Location!.OriginalString, admin);
        Assert.Equal("推荐与置顶没有改动。", page.QuerySelector(".admin-main > p.flash")!.TextContent.Trim());
        Assert.Equal(
            ["置顶：无 → 至 2030-05-01（北京时间）", "置顶：至 2030-05-01（北京时间） → 无"],
            (await fixture.AuditAsync(id)).Where(e => e.Action == AuditActions.ArticleFeature).Select(e => e.Details));
    }

    [Fact]
    public async Task Feature_ByEditorOrTheAuthor_Is403AndTheFormIsNotShown()
    {
        var id = await PublishedAsync("编辑不能置顶");
        foreach (var userName in new[] { "editor", "editor2" })
        {
            var editor = await fixture.LoginAsync(userName);
            var (response, _) = await PostAsync(editor, $"/admin/articles/feature/{id}", Feature("2030-05-10", headline: true));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

            var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", editor);
            Assert.NotNull(page.QuerySelector("form.article-form"));
            Assert.Null(page.QuerySelector($"form[action='/admin/articles/feature/{id}']"));
        }

        var article = await fixture.ArticleAsync(id);
        Assert.Null(article.PinnedUntil);
        Assert.False(article.IsHeadline);
        Assert.DoesNotContain(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticleFeature);

        var (_, reviewerPage) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", await fixture.LoginAsync("reviewer"));
        Assert.NotNull(reviewerPage.QuerySelector($"form[action='/admin/articles/feature/{id}']"));
    }

    [Fact]
    public async Task Feature_OnADraft_FormHiddenAndPostRefusedInChinese()
    {
        var editor = await fixture.LoginAsync("editor");
        var id = await CreateAsync(editor, ArticleForm("草稿不能置顶", fixture.NewsId, "正文"));
        var reviewer = await fixture.LoginAsync("reviewer");

        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        Assert.Null(page.QuerySelector($"form[action='/admin/articles/feature/{id}']"));

        var (response, _) = await PostAsync(reviewer, $"/admin/articles/feature/{id}", Feature(headline: true));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        Assert.Contains("只有已发布或定时发布的文章才能设置置顶", after.QuerySelector("p.form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False((await fixture.ArticleAsync(id)).IsHeadline);
    }

    [Theory]
    [InlineData("2030-04-30", "已经过去")]
    [InlineData("2030-13-01", "置顶截止日期无效")]
    [InlineData("明天", "置顶截止日期无效")]
    public async Task Feature_PastOrInvalidDate_RefusedInChineseNothingWritten(string date, string message)
    {
        var id = await PublishedAsync("日期无效 " + date);
        var reviewer = await fixture.LoginAsync("reviewer");

        var (response, _) = await PostAsync(reviewer, $"/admin/articles/feature/{id}", Feature(date, headline: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        Assert.Contains(message, page.QuerySelector("p.form-errors")!.TextContent, StringComparison.Ordinal);
        var article = await fixture.ArticleAsync(id);
        Assert.Null(article.PinnedUntil);
        Assert.False(article.IsHeadline);
        Assert.DoesNotContain(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticleFeature);
    }

    [Fact]
    public async Task PictureNews_WithoutCoverThenWithoutAlt_RefusedInChinese_ThenWithAlt_Set()
    {
        var noCover = await PublishedAsync("没有封面的图片新闻");
        var coverId = await UploadImageAsync("图片新闻封面.png");
        var withCover = await PublishedAsync("有封面的图片新闻", coverId);
        var reviewer = await fixture.LoginAsync("reviewer");

        foreach (var (id, message) in new[] { (noCover, "需要封面图片"), (withCover, "需要封面图片的替代文本") })
        {
            var (response, _) = await PostAsync(reviewer, $"/admin/articles/feature/{id}", Feature("2030-05-10", headline: true, pictureNews: true));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
            Assert.Contains(message, page.QuerySelector("p.form-errors")!.TextContent, StringComparison.Ordinal);

            // The form says so before anyone tries again.
            Assert.Contains(message, page.QuerySelector("#feature-picture-hint")!.TextContent, StringComparison.Ordinal);

            // Nothing of the form was written, not even the pin and the headline.
            var article = await fixture.ArticleAsync(id);
            Assert.False(article.IsPictureNews);
            Assert.False(article.IsHeadline);
            Assert.Null(article.PinnedUntil);
            Assert.DoesNotContain(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticleFeature);
        }

        var admin = await fixture.LoginAsync("admin");
        var alt = await SiteAdminPostAsync(admin, $"/admin/media/alt/{coverId}", new() { ["altText"] = "吐鲁番市召开民族团结大会" });
        Assert.Equal(HttpStatusCode.Redirect, alt.StatusCode);

        var (set, _) = await PostAsync(reviewer, $"/admin/articles/feature/{withCover}", Feature(pictureNews: true));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.True((await fixture.ArticleAsync(withCover)).IsPictureNews);
        var entry = Assert.Single(await fixture.AuditAsync(withCover), e => e.Action == AuditActions.ArticleFeature);
        Assert.Equal("图片新闻：否 → 是", entry.Details);
    }

    private static async Task<HttpResponseMessage> SiteAdminPostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/media");
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
