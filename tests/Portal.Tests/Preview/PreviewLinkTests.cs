using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Media;
using Portal.Core.Preview;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Preview;

/// <summary>预览链接: created by reviewers, opened without an account, pinned to a version, revocable, audited.</summary>
public sealed class PreviewLinkTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    private HttpClient Anonymous() => fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Link_CreatedByAReviewer_ShowsTheArticleToAnyoneReadOnly_WithTheBannerAndPrivateHeaders()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("送审稿件", fixture.NewsId, "**送审正文**", command: "submit"));

        var path = await PreviewLinks.CreateAsync(fixture, reviewer, id, note: "送张局长审签");
        var response = await Anonymous().GetAsync(path);
        var page = await PortalFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("noindex", page.QuerySelector("meta[name='robots']")!.GetAttribute("content"));
        Assert.Contains("预览：此页面尚未发布，仅供审核，请勿转发。", page.QuerySelector(".preview-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"此链接对应第{(await fixture.ArticleAsync(id)).Version}版。", page.QuerySelector(".preview-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("送审稿件", page.QuerySelector("h1.article-title")!.TextContent);
        Assert.Equal("送审正文", page.QuerySelector(".article-body strong")!.TextContent);
        Assert.Contains("新闻中心", page.QuerySelector(".breadcrumb")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form"));

        // The token is stored only as its hash; the default lifetime is 72 hours.
        var token = path["/preview/".Length..];
        var link = await fixture.Factory.WithDbAsync(db => db.PreviewLinks.AsNoTracking().SingleAsync(l => l.ArticleId == id));
        Assert.Equal(PreviewToken.Hash(token), link.TokenHash);
        Assert.NotEqual(token, link.TokenHash);
        Assert.Equal(TimeSpan.FromHours(72), link.ExpiresAt - link.CreatedAt);
        Assert.Equal("送张局长审签", link.Note);
        Assert.Equal(1, link.ViewCount);

        var audit = await fixture.AuditAsync(id);
        Assert.Contains(audit, e => e.Action == AuditActions.PreviewLinkCreate && e.Details!.Contains("送张局长审签", StringComparison.Ordinal));
        Assert.Single(audit, e => e.Action == AuditActions.PreviewLinkFirstView);
    }

    [Fact]
    public async Task Link_AddressIsShownOnce_AndTheListShowsItsState()
    {
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(reviewer, ArticleForm("列表稿件", fixture.NewsId, "正文"));
        var path = await PreviewLinks.CreateAsync(fixture, reviewer, id, note: "备注甲");
        await Anonymous().GetAsync(path);

        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);

        Assert.Null(page.QuerySelector("#preview-link-url"));
        var row = page.QuerySelector("tr[data-preview-link]")!;
        Assert.Contains("备注甲", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("有效", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("审核甲", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("button"));

        // Times in site time (UTC+8): the fixture's clock is 02:00 UTC on 1 May 2030 or later.
        Assert.Matches("2030-05-0\\d 1\\d:\\d\\d", row.TextContent);
    }

    [Fact]
    public async Task Link_AfterTheArticleIsEdited_StillShowsItsVersionAndSaysANewerOneExists()
    {
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(reviewer, ArticleForm("版本稿件", fixture.NewsId, "第一版正文"));
        var path = await PreviewLinks.CreateAsync(fixture, reviewer, id);
        await PostAsync(reviewer, $"/admin/articles/edit/{id}", ArticleForm("版本稿件（改）", fixture.NewsId, "第二版正文", version: 1));

        var page = await PortalFactory.ParseAsync(await Anonymous().GetAsync(path));

        Assert.Equal("版本稿件", page.QuerySelector("h1.article-title")!.TextContent);
        Assert.Contains("第一版正文", page.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("此链接对应第1版；文章已有更新版本（第2版）", page.QuerySelector(".preview-banner")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_Revoked_Is410WithTheChineseMessage_AndAudited()
    {
        var reviewer = await fixture.LoginAsync("reviewer");
        var other = await fixture.LoginAsync("reviewer2");
        var id = await CreateAsync(reviewer, ArticleForm("撤销稿件", fixture.NewsId, "正文"));
        var path = await PreviewLinks.CreateAsync(fixture, reviewer, id);
        var linkId = await fixture.Factory.WithDbAsync(db => db.PreviewLinks.Where(l => l.ArticleId == id).Select(l => l.Id).SingleAsync());

        var (revoked, _) = await PostAsync(other, $"/admin/articles/previewlinks/revoke/{id}", new() { ["linkId"] = linkId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var response = await Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("预览链接已被撤销", (await PortalFactory.ParseAsync(response)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await fixture.AuditAsync(id), e => e.Action == AuditActions.PreviewLinkRevoke);
        Assert.Equal("审核乙", (await fixture.Factory.WithDbAsync(db => db.PreviewLinks.SingleAsync(l => l.Id == linkId))).RevokedByName);

        // A second revocation changes nothing and writes no second entry.
        await PostAsync(other, $"/admin/articles/previewlinks/revoke/{id}", new() { ["linkId"] = linkId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Single(await fixture.AuditAsync(id), e => e.Action == AuditActions.PreviewLinkRevoke);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // well-formed, matches nothing
    [InlineData("abc")]
    [InlineData("预览链接预览链接预览链接预览链接预览链接预览链接预览链接预览链接预览链接预览链接预览")]
    [InlineData("%F0%9F%98%80%F0%9F%98%80")]
    [InlineData("..%2F..%2Fappsettings.json")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public async Task Link_ForgedOrMalformed_Is404(string token)
    {
        var response = await Anonymous().GetAsync("/preview/" + token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Link_TenThousandCharactersOrOneCharacterChanged_Is404()
    {
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(reviewer, ArticleForm("篡改稿件", fixture.NewsId, "正文"));
        var path = await PreviewLinks.CreateAsync(fixture, reviewer, id);
        var token = path["/preview/".Length..];
        var altered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync("/preview/" + altered)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync("/preview/" + new string('a', 10_000))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync(path + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Link_OfAnArticleMovedToTheBin_IsDead_AndStaysDeadAfterRestore()
    {
        var reviewer = await fixture.LoginAsync("reviewer");
        var admin = await fixture.LoginAsync("admin");
        var id = await CreateAsync(reviewer, ArticleForm("删除稿件", fixture.NewsId, "正文"));
        var path = await PreviewLinks.CreateAsync(fixture, reviewer, id);

        await PostAsync(reviewer, $"/admin/articles/delete/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Gone, (await Anonymous().GetAsync(path)).StatusCode);

        await PostAsync(admin, $"/admin/articles/restore/{id}", []);
        Assert.Null((await fixture.ArticleAsync(id)).DeletedAt);
        Assert.Equal(HttpStatusCode.Gone, (await Anonymous().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Link_CreateByAnEditor_IsRefused_AndTheEditPageOffersNoLinks()
    {
        var editor = await fixture.LoginAsync("editor");
        var id = await CreateAsync(editor, ArticleForm("编辑稿件", fixture.NewsId, "正文"));

        var (response, _) = await PostAsync(editor, $"/admin/articles/previewlinks/create/{id}", []);
        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", editor);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(page.QuerySelector(".preview-links"));
        Assert.False(await fixture.Factory.WithDbAsync(db => db.PreviewLinks.AnyAsync(l => l.ArticleId == id)));
    }

    [Fact]
    public async Task Link_CreateByAReviewerLimitedToAnotherSection_IsRefused()
    {
        await StaffAccounts.CreateAsync(fixture.Factory, "limitedreviewer", PortalRoles.Reviewer, [fixture.NoticesId], "限栏目审核");
        var limited = await fixture.LoginAsync("limitedreviewer");
        var editor = await fixture.LoginAsync("editor");
        var id = await CreateAsync(editor, ArticleForm("他栏目稿件", fixture.NewsId, "正文"));

        var (response, _) = await PostAsync(limited, $"/admin/articles/previewlinks/create/{id}", []);
        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", limited);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(page.QuerySelector(".preview-links"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("721")]
    [InlineData("abc")]
    [InlineData("１２")]
    public async Task Link_WithALifetimeOutOfRange_IsNotCreated_AndSaysWhy(string hours)
    {
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(reviewer, ArticleForm("有效期稿件 " + hours, fixture.NewsId, "正文"));

        var (response, _) = await PostAsync(reviewer, $"/admin/articles/previewlinks/create/{id}", new() { ["hours"] = hours });
        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("有效期须", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.PreviewLinks.AnyAsync(l => l.ArticleId == id)));
    }

    [Fact]
    public async Task Link_ThirtyConcurrentViews_AreAllCounted_AndTheFirstIsAuditedOnce()
    {
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(reviewer, ArticleForm("并发稿件", fixture.NewsId, "正文"));
        var path = await PreviewLinks.CreateAsync(fixture, reviewer, id);
        var client = Anonymous();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetAsync(path)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var link = await fixture.Factory.WithDbAsync(db => db.PreviewLinks.AsNoTracking().SingleAsync(l => l.ArticleId == id));
        Assert.Equal(30, link.ViewCount);
        Assert.NotNull(link.LastViewedAt);
        Assert.Single(await fixture.AuditAsync(id), e => e.Action == AuditActions.PreviewLinkFirstView);
    }

    [Fact]
    public async Task Link_Images_AreRewrittenUnderTheLink_AndOnlyReferencedFilesAreServed()
    {
        var reviewer = await fixture.LoginAsync("reviewer");
        var used = await UploadAsync("used.png");
        var cover = await UploadAsync("cover.png");
        var unused = await UploadAsync("unused.png");
        var form = ArticleForm("图片稿件", fixture.NewsId, $"正文\n\n![现场照片](/media/{used.StoredName})");
        form["Input.CoverImageId"] = cover.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = await CreateAsync(reviewer, form);
        var path = await PreviewLinks.CreateAsync(fixture, reviewer, id);
        var client = Anonymous();

        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalFactory.ParseAsync(response);

        var body = page.QuerySelector(".article-body");
        Assert.True(body?.QuerySelector("img") is not null, "no image in the previewed body: " + body?.InnerHtml);
        Assert.Equal($"{path}/media/{used.StoredName}", body!.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal($"{path}/media/{cover.StoredName}", page.QuerySelector(".article-cover img")!.GetAttribute("src"));
        var image = await client.GetAsync($"{path}/media/{used.StoredName}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        // The stored image (re-encoded on upload, so not the uploaded bytes), which readers cannot
        // fetch at its public address while only a draft uses it.
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(used.Length, bytes.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{used.StoredName}")).StatusCode);
        Assert.Equal("no-store", image.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}/media/{cover.StoredName}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{path}/media/{unused.StoredName}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{path}/media/..%2F..%2Fportal.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/preview/{new string('A', 43)}/media/{used.StoredName}")).StatusCode);

        // Image requests are not views.
        Assert.Equal(1, (await fixture.Factory.WithDbAsync(db => db.PreviewLinks.SingleAsync(l => l.ArticleId == id))).ViewCount);
    }

    private async Task<MediaFile> UploadAsync(string name)
    {
        var result = await fixture.Factory.WithScopeAsync(services =>
            services.GetRequiredService<MediaLibrary>().UploadAsync(new MemoryStream(TestContent.TinyPng), name, null));
        Assert.True(result.Succeeded);
        return await fixture.Factory.WithDbAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(m => m.Id == result.Id));
    }
}
