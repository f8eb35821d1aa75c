using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Media;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Media;

/// <summary>Who may fetch a file (drafts' files for staff only), download headers and counts, the picker, deletion and the body rules.</summary>
public sealed class MediaServingTests(MediaFixture fixture) : IClassFixture<MediaFixture>
{
    private static string Stored(JsonElement item) => item.GetProperty("url").GetString()!["/media/".Length..];

    [Fact]
    public async Task Serve_DraftImage_StaffOnlyUntilPublishedAndAgainAfterWithdrawal()
    {
        var image = await fixture.UploadAsync(MediaSamples.Jpeg(640, 480), "会场.jpg");
        var url = image.GetProperty("url").GetString()!;

        // Unused: staff only, never cached.
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Reader.GetAsync(url)).StatusCode);
        var staff = await fixture.Editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.True(staff.Headers.CacheControl is { Private: true, NoStore: true }, staff.Headers.CacheControl?.ToString());

        var created = await fixture.CreateAsync($"会议现场：\n\n![市民族团结大会会场]({url})");
        Assert.True(created.Succeeded, created.Message + string.Join(";", created.Errors.Select(e => e.Message)));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Reader.GetAsync(url)).StatusCode);

        await fixture.PublishAsync(created.Id!.Value);
        var body = await fixture.WithDbAsync(db => db.Articles.Where(a => a.Id == created.Id!.Value).Select(a => a.BodyHtml).SingleAsync());
        var img = (await PortalFactory.ParseAsync(body)).QuerySelector("img")!;
        Assert.Equal("640", img.GetAttribute("width"));
        Assert.Equal(image.GetProperty("thumbnailUrl").GetString() + " 480w, " + url + " 640w", img.GetAttribute("srcset"));
        var published = await fixture.Reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("public, max-age=3600", published.Headers.CacheControl!.ToString());

        await fixture.WithdrawAsync(created.Id!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Reader.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Editor.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task MediaCookie_AfterSignOut_OpensNothing()
    {
        var image = await fixture.UploadAsync(MediaSamples.Jpeg(100, 100), "内部.jpg");
        var url = image.GetProperty("url").GetString()!;
        using var client = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await StaffAccounts.PostLoginAsync(client, "site-editor", StaffAccounts.Password);
        if (login.Headers.Location!.OriginalString.StartsWith("/admin/account/twofactor", StringComparison.Ordinal))
        {
            login = await StaffAccounts.PostSecondFactorAsync(client, await StaffAccounts.CurrentCodeAsync(fixture.Factory, "site-editor"));
        }

        var setCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(MediaAccessCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("path=/media", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        var cookie = setCookie.Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await SendWithCookieAsync(url, cookie)).StatusCode);

        var token = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/media");
        var logout = await client.PostAsync("/admin/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        // The browser dropped the cookie; a copy kept by someone else opens nothing either.
        Assert.Equal(HttpStatusCode.NotFound, (await SendWithCookieAsync(url, cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendWithCookieAsync(url, MediaAccessCookieName + "=forged")).StatusCode);
    }

    private const string MediaAccessCookieName = "portal.media";

    private async Task<HttpResponseMessage> SendWithCookieAsync(string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await fixture.Reader.SendAsync(request);
    }

    [Fact]
    public async Task Download_ChineseNameWithQuotesAndSemicolons_HeadersAndCounts()
    {
        const string name = "关于印发《\"测试\";办法》的通知.pdf";
        var pdf = await fixture.UploadAsync(MediaSamples.Pdf, name);
        Assert.Equal("attachment", pdf.GetProperty("kind").GetString());
        Assert.Equal("PDF", pdf.GetProperty("typeLabel").GetString());
        Assert.Equal(JsonValueKind.Null, pdf.GetProperty("thumbnailUrl").ValueKind);
        var markdown = pdf.GetProperty("markdown").GetString()!;
        Assert.StartsWith("附件：[", markdown, StringComparison.Ordinal);
        Assert.EndsWith("（PDF，" + MediaLibrary.FormatSize(MediaSamples.Pdf.Length) + "）", markdown, StringComparison.Ordinal);
        var created = await fixture.CreateAsync("请下载：\n\n" + markdown);
        Assert.True(created.Succeeded, created.Message + string.Join(";", created.Errors.Select(e => e.Message)));
        await fixture.PublishAsync(created.Id!.Value);
        var url = pdf.GetProperty("url").GetString()!;
        var id = pdf.GetProperty("id").GetInt32();

        var response = await fixture.Reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(name, disposition.FileNameStar);
        Assert.All(disposition.FileName!, c => Assert.True(c < 128));
        Assert.Equal(MediaSamples.Pdf, await response.Content.ReadAsByteArrayAsync());

        // The rendered body links it with the class the stylesheet gives an icon.
        var html = await fixture.WithDbAsync(db => db.Articles.Where(a => a.Id == created.Id!.Value).Select(a => a.BodyHtml).SingleAsync());
        Assert.Contains("class=\"attachment\"", html, StringComparison.Ordinal);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ => (await fixture.Reader.GetAsync(url)).EnsureSuccessStatusCode()));
        using (var head = new HttpRequestMessage(HttpMethod.Head, url))
        {
            Assert.Equal(HttpStatusCode.OK, (await fixture.Reader.SendAsync(head)).StatusCode);
        }

        using (var resume = new HttpRequestMessage(HttpMethod.Get, url))
        {
            resume.Headers.Range = new RangeHeaderValue(10, null);
            Assert.Equal(HttpStatusCode.PartialContent, (await fixture.Reader.SendAsync(resume)).StatusCode);
        }

        using (var first = new HttpRequestMessage(HttpMethod.Get, url))
        {
            first.Headers.Range = new RangeHeaderValue(0, 9);
            Assert.Equal(HttpStatusCode.PartialContent, (await fixture.Reader.SendAsync(first)).StatusCode);
        }

        Assert.Equal(32, await fixture.WithDbAsync(db => db.MediaFiles.Where(m => m.Id == id).Select(m => m.DownloadCount).SingleAsync()));
    }

    [Fact]
    public async Task Picker_JsonShapeKindFilterAndPaging()
    {
        for (var i = 0; i < 26; i++)
        {
            await fixture.UploadAsync(MediaSamples.Pdf, $"分页文件{i:00}.pdf");
        }

        var image = await fixture.UploadAsync(MediaSamples.Jpeg(1000, 500), "风景.jpg");
        Assert.Equal("image", image.GetProperty("kind").GetString());
        Assert.Equal("JPG", image.GetProperty("typeLabel").GetString());
        Assert.Matches("^!\\[\\]\\(/media/[0-9a-f]{32}\\.jpg\\)$", image.GetProperty("markdown").GetString());
        Assert.Matches("^/media/[0-9a-f]{32}\\.list\\.jpg$", image.GetProperty("thumbnailUrl").GetString());
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$", image.GetProperty("uploadedAt").GetString());

        var page1 = JsonDocument.Parse(await fixture.Editor.GetStringAsync("/admin/media/picker?kind=attachment&q=分页文件&page=1")).RootElement;
        var page2 = JsonDocument.Parse(await fixture.Editor.GetStringAsync("/admin/media/picker?kind=attachment&q=分页文件&page=2")).RootElement;
        Assert.Equal(2, page1.GetProperty("totalPages").GetInt32());
        Assert.Equal(1, page1.GetProperty("page").GetInt32());
        Assert.Equal(24, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page2.GetProperty("items").GetArrayLength());
        Assert.Equal("分页文件25.pdf", page1.GetProperty("items")[0].GetProperty("name").GetString());
        foreach (var property in new[] { "id", "url", "thumbnailUrl", "name", "kind", "typeLabel", "sizeText", "uploadedAt", "markdown" })
        {
            Assert.True(page1.GetProperty("items")[0].TryGetProperty(property, out _), property);
        }

        var images = JsonDocument.Parse(await fixture.Editor.GetStringAsync("/admin/media/picker?kind=image&q=风景")).RootElement;
        Assert.Equal("风景.jpg", images.GetProperty("items").EnumerateArray().Single().GetProperty("name").GetString());
        Assert.NotEqual(HttpStatusCode.OK, (await fixture.Reader.GetAsync("/admin/media/picker")).StatusCode);
    }

    [Fact]
    public async Task Upload_Refused_AnswersJsonInChinese()
    {
        var response = await MediaFixture.UploadJsonAsync(fixture.Editor, MediaSamples.PlainZip, "伪装.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Contains("不符", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_UsedFileRefusedWithItsUses_UnusedFileGoneWithItsCopy()
    {
        var used = await fixture.UploadAsync(MediaSamples.Jpeg(900, 600), "封面.jpg");
        var created = await fixture.CreateAsync("正文", cover: used.GetProperty("id").GetInt32(), title: "有封面的稿件");
        Assert.True(created.Succeeded, created.Message);

        var refused = await SiteAdminPost($"/admin/media/delete/{used.GetProperty("id").GetInt32()}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("封面图：有封面的稿件", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unused = await fixture.UploadAsync(MediaSamples.Jpeg(900, 600), "废弃.jpg");
        var row = await fixture.WithDbAsync(db => db.MediaFiles.AsNoTracking().SingleAsync(m => m.Id == unused.GetProperty("id").GetInt32()));
        var folder = Path.Combine(fixture.Factory.DataPath, "media");
        Assert.True(File.Exists(Path.Combine(folder, row.ListVariantName!)));
        var deleted = await SiteAdminPost($"/admin/media/delete/{row.Id}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(File.Exists(Path.Combine(folder, row.StoredName)));
        Assert.False(File.Exists(Path.Combine(folder, row.ListVariantName!)));
        Assert.True(await fixture.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.MediaDelete && a.TargetId == row.StoredName)));
    }

    private Task<HttpResponseMessage> SiteAdminPost(string url) => Admin.Site.SiteAdminFixture.PostAsync(fixture.Editor, url, []);

    [Theory]
    [InlineData("![会场](https://example.com/a.jpg)", "不是本站媒体库中的图片")]
    [InlineData("![会场](//example.com/a.jpg)", "不是本站媒体库中的图片")]
    [InlineData("![会场](data:image/png;base64,AAAA)", "不是本站媒体库中的图片")]
    [InlineData("![会场](/images/a.jpg)", "不是本站媒体库中的图片")]
    [InlineData("![会场](/media/0123456789abcdef0123456789abcdef.jpg)", "/media/0123456789abcdef0123456789abcdef.jpg")]
    [InlineData("附件：[通知](/media/0123456789abcdef0123456789abcdef.pdf)（PDF，1 KB）", "不存在")]
    public async Task Save_BodyWithForeignOrMissingFile_IsRefusedNamingTheAddress(string body, string expected)
    {
        var result = await fixture.CreateAsync(body);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.ErrorOf("BodyMarkdown"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("图片")]
    [InlineData("说明文字")]
    [InlineData("Image")]
    [InlineData("现场.jpg")]
    public async Task Save_ImageWithPlaceholderAlt_IsRefused(string alt)
    {
        var image = await fixture.UploadAsync(MediaSamples.Jpeg(200, 100), "现场.jpg");

        var result = await fixture.CreateAsync($"![{alt}]({image.GetProperty("url").GetString()})");

        Assert.False(result.Succeeded);
        Assert.Contains("占位词或文件名", result.ErrorOf("BodyMarkdown"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MediaUses_FollowEveryWriteOfTheBody()
    {
        var image = await fixture.UploadAsync(MediaSamples.Jpeg(200, 100), "用途.jpg");
        var id = image.GetProperty("id").GetInt32();
        var url = image.GetProperty("url").GetString()!;

        // Written the importer's way: an entity saved straight through the context.
        var articleId = await fixture.WithDbAsync(async db =>
        {
            var article = new Portal.Core.Articles.Article
            {
                UrlKey = "use" + Guid.NewGuid().ToString("N")[..9], Title = "导入稿件", SectionId = fixture.SectionId, Source = "本网",
                BodyMarkdown = $"![导入的图片]({url})", BodyHtml = "", PublishedAt = DateTime.UtcNow,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        Assert.True(await fixture.WithDbAsync(db => db.MediaUses.AnyAsync(u => u.ArticleId == articleId && u.MediaFileId == id && u.Kind == MediaUseKind.Body)));

        await fixture.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == articleId);
            article.BodyMarkdown = "不再有图片";
            article.CoverImageId = id;
            return await db.SaveChangesAsync();
        });
        var uses = await fixture.WithDbAsync(db => db.MediaUses.Where(u => u.ArticleId == articleId).ToListAsync());
        Assert.Equal(MediaUseKind.Cover, Assert.Single(uses).Kind);
    }

    [Fact]
    public async Task MediaUseIndex_Rebuild_WritesTheUsesOfArticlesSavedBeforeTheTableExisted()
    {
        // What the store initializer does right after the migration that brings the table: the
        // articles are there, their uses are not (here: deleted), and a rebuild writes them.
        var body = await fixture.UploadAsync(MediaSamples.Jpeg(120, 80), "旧正文图.jpg");
        var cover = await fixture.UploadAsync(MediaSamples.Jpeg(120, 80), "旧封面.jpg");
        var bodyId = body.GetProperty("id").GetInt32();
        var coverId = cover.GetProperty("id").GetInt32();
        var articleId = await fixture.WithDbAsync(async db =>
        {
            var article = new Portal.Core.Articles.Article
            {
                UrlKey = "old" + Guid.NewGuid().ToString("N")[..9], Title = "升级前的稿件", SectionId = fixture.SectionId, Source = "本网",
                BodyMarkdown = $"旧文\n\n![旧图片]({body.GetProperty("url").GetString()})", BodyHtml = "", PublishedAt = DateTime.UtcNow,
                CoverImageId = coverId,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        await fixture.WithDbAsync(db => db.MediaUses.ExecuteDeleteAsync());

        var written = await fixture.WithDbAsync(db => MediaUseIndex.RebuildAsync(db));

        var uses = await fixture.WithDbAsync(db => db.MediaUses.Where(u => u.ArticleId == articleId).ToListAsync());
        Assert.Equal(2, uses.Count);
        Assert.Contains(uses, u => u.MediaFileId == bodyId && u.Kind == MediaUseKind.Body);
        Assert.Contains(uses, u => u.MediaFileId == coverId && u.Kind == MediaUseKind.Cover);
        Assert.Equal(await fixture.WithDbAsync(db => db.MediaUses.CountAsync()), written);
    }

    [Fact]
    public void CleanName_HostileNames_AreMadeHarmless()
    {
        Assert.Equal("evil.pdf", MediaLibrary.CleanName("../../etc/evil.pdf"));
        Assert.Equal("evil.pdf", MediaLibrary.CleanName("C:\\Users\\x\\evil.pdf"));
        Assert.Equal("ab.pdf", MediaLibrary.CleanName("a\r\nb.pdf"));
        Assert.Equal("未命名", MediaLibrary.CleanName("\r\n"));
        Assert.EndsWith(".pdf", MediaLibrary.CleanName(new string('长', 400) + ".pdf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_AttachmentPastKestrelsDefaultLimit_IsAccepted()
    {
        // 31 MB: over Kestrel's default 30 000 000 bytes, within Media:MaxAttachmentBytes (50 MiB).
        var big = MediaSamples.Pdf.Concat(new byte[31 * 1024 * 1024]).ToArray();

        var response = await MediaFixture.UploadJsonAsync(fixture.Editor, big, "大文件.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        Assert.Equal(big.Length, await fixture.WithDbAsync(db => db.MediaFiles.Where(m => m.Id == id).Select(m => m.Length).SingleAsync()));
    }
}
