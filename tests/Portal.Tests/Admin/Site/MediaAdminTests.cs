using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>A portal whose upload limit is small, so the oversize test sends kilobytes, not megabytes.</summary>
public sealed class SmallUploadFixture() : SiteAdminFixture(new Dictionary<string, string?> { ["Media:MaxUploadBytes"] = "4096" });

/// <summary>图片: uploads checked by content, stored outside wwwroot, served with the right headers.</summary>
public sealed class MediaAdminTests(SmallUploadFixture fixture) : IClassFixture<SmallUploadFixture>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string contentType)
    {
        var token = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/media");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/admin/media/upload", form);
    }

    private string MediaFolder => Path.Combine(fixture.Factory.DataPath, "media");

    [Fact]
    public async Task Upload_ScriptRenamedJpg_IsRejectedInChinese()
    {
        var before = await fixture.WithDbAsync(db => db.MediaFiles.CountAsync());

        var response = await UploadAsync(fixture.Editor, "<script>alert(1)</script>"u8.ToArray(), "photo.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Contains("只能上传 JPG、PNG、GIF 或 WebP", document.QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.WithDbAsync(db => db.MediaFiles.CountAsync()));
    }

    [Fact]
    public async Task Upload_OverTheConfiguredSize_IsRejected()
    {
        // A real PNG header followed by padding: the size, not the type, must refuse it.
        var big = TestContent.TinyPng.Concat(new byte[5000]).ToArray();

        var response = await UploadAsync(fixture.Editor, big, "big.png", "image/png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Contains("图片不能超过 4 KB", document.QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_RealPngWithWrongName_IsStoredAsPngAndServed()
    {
        // Named .gif and declared as GIF: the content decides.
        var response = await UploadAsync(fixture.Editor, TestContent.TinyPng, "微信二维码.gif", "image/gif");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var media = await fixture.WithDbAsync(db => db.MediaFiles.OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal("image/png", media.ContentType);
        Assert.Matches("^[0-9a-f]{32}\\.png$", media.StoredName);
        Assert.Equal("微信二维码.gif", media.OriginalName);
        Assert.True(File.Exists(Path.Combine(MediaFolder, media.StoredName)));
        Assert.True(await fixture.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.MediaUpload && a.TargetId == media.StoredName)));

        // Used by nothing yet: staff only (see Portal.Tests.Media for the rules), re-encoded as PNG.
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Reader.GetAsync("/media/" + media.StoredName)).StatusCode);
        var served = await fixture.Editor.GetAsync("/media/" + media.StoredName);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Portal.Core.Media.ImageSniffer.Png, Portal.Core.Media.ImageSniffer.Detect(await served.Content.ReadAsByteArrayAsync()));
        using var head = new HttpRequestMessage(HttpMethod.Head, "/media/" + media.StoredName);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Editor.SendAsync(head)).StatusCode);

        // The list shows the snippet with alt text to fill in.
        var (_, list) = await fixture.Factory.GetDocumentAsync("/admin/media?uploaded=" + media.StoredName, fixture.Editor);
        Assert.Contains($"![说明文字](/media/{media.StoredName})", list.QuerySelector(".media-snippet")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("说明文字", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_UsedAsWeChatQr_ListedAsUsedAndShownInFooter()
    {
        var response = await UploadAsync(fixture.Admin, TestContent.TinyPng, "qr.png", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var media = await fixture.WithDbAsync(db => db.MediaFiles.OrderByDescending(m => m.Id).FirstAsync());

        var saved = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/settings", new Dictionary<string, string>
        {
            ["Input.SiteName"] = "测试网站",
            ["Input.WeChatLabel"] = "官方微信",
            ["Input.WeChatQrImageId"] = media.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, home) = await fixture.Factory.GetDocumentAsync("/");
        Assert.Equal("/media/" + media.StoredName, home.QuerySelector("footer .wechat img")!.GetAttribute("src"));
        Assert.Equal("官方微信二维码", home.QuerySelector("footer .wechat img")!.GetAttribute("alt"));
        var (_, contact) = await fixture.Factory.GetDocumentAsync("/contact");
        Assert.NotNull(contact.QuerySelector($"main img[src='/media/{media.StoredName}']"));
        var (_, list) = await fixture.Factory.GetDocumentAsync("/admin/media", fixture.Editor);
        var row = list.QuerySelectorAll("table.media-list tbody tr").Single(tr => tr.QuerySelector($"img[src='/media/{media.StoredName}']") is not null);
        Assert.Contains("官方微信二维码", row.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/media/..%2Fportal.db")]
    [InlineData("/media/%2e%2e%2fportal.db")]
    [InlineData("/media/..%5Cportal.db")]
    [InlineData("/media/portal.db")]
    [InlineData("/media/0123456789abcdef0123456789abcdef.php")]
    [InlineData("/media/0123456789ABCDEF0123456789ABCDEF.png")]
    [InlineData("/media/0123456789abcdef0123456789abcdef.png")]
    public async Task Serve_MalformedOrUnknownName_IsNotFound(string url)
    {
        // portal.db sits one folder above the media folder: a name that escaped would reach it.
        // (On the PostgreSQL pass there is no SQLite file: put a stand-in there to aim at.)
        var target = Path.Combine(fixture.Factory.DataPath, "portal.db");
        if (!File.Exists(target))
        {
            await File.WriteAllTextAsync(target, "not an image");
        }

        Assert.True(File.Exists(target));

        var response = await fixture.Reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_Upload_GoesToLogin()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestContent.TinyPng), "file", "x.png" } };

        var response = await fixture.Reader.PostAsync("/admin/media/upload", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
