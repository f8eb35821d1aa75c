using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Tests.Admin.Site;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Writing.DocxBuilder;

namespace Portal.Tests.Writing;

/// <summary>A portal whose Word limit is small, so the oversize test sends kilobytes.</summary>
public sealed class WordImportFixture() : SiteAdminFixture(new Dictionary<string, string?> { ["Writing:MaxWordBytes"] = "200000" })
{
    public int SectionId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SectionId = await TestContent.AddSectionAsync(Factory, "通知公告", "通知", "tongzhi");
    }
}

/// <summary>导入Word and the paste endpoint, through the real pages.</summary>
public sealed class WordImportTests(WordImportFixture fixture) : IClassFixture<WordImportFixture>
{
    private string MediaFolder => Path.Combine(fixture.Factory.DataPath, "media");

    private async Task<HttpResponseMessage> ImportAsync(byte[] content, string fileName, int? sectionId = null, string source = "高昌区应急管理局", HttpClient? client = null)
    {
        client ??= fixture.Editor;
        var token = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/articles/import");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "file", fileName);
        form.Add(new StringContent((sectionId ?? fixture.SectionId).ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.SectionId");
        form.Add(new StringContent(source), "Input.Source");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/admin/articles/import", form);
    }

    private Task<(int Articles, int Media, int Files)> CountsAsync() => fixture.WithDbAsync(async db =>
        (await db.Articles.CountAsync(), await db.MediaFiles.CountAsync(), Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder).Length : 0));

    private static byte[] Docx(bool withImageWithoutAlt = false) => Build((body, main) =>
    {
        body.Append(
            Styled("Heading1", T("关于做好冬季安全生产工作的通知")),
            Para(T("各乡镇：请"), T("认真落实", bold: true), T("。")),
            Para(Image(main, TestContent.TinyPng, "image/png", "检查现场", 1)));
        if (withImageWithoutAlt)
        {
            body.Append(Para(Image(main, [.. TestContent.TinyPng, 0], "image/png", null, 2)));
        }
    });

    [Fact]
    public async Task Import_DocumentWithAltText_CreatesDraftWithStoredImageAndAudit()
    {
        var response = await ImportAsync(Docx(), "关于印发《冬季安全生产工作方案》的通知.docx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var article = await fixture.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == id));
        Assert.Equal("关于做好冬季安全生产工作的通知", article.Title);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal("高昌区应急管理局", article.Source);
        var media = await fixture.WithDbAsync(db => db.MediaFiles.OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal($"各乡镇：请**认真落实**。\n\n![检查现场](/media/{media.StoredName})\n", article.BodyMarkdown);
        Assert.StartsWith("关于印发《冬季安全生产工作方案》的通知-", media.OriginalName, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(MediaFolder, media.StoredName)));
        var audit = await fixture.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.ArticleImportWord && a.TargetId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("关于印发《冬季安全生产工作方案》的通知.docx", audit.Details, StringComparison.Ordinal);
        Assert.Contains("1 张图片", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ImageWithoutAlt_AsksForItThenCreatesTheDraft()
    {
        var response = await ImportAsync(Docx(withImageWithoutAlt: true), "图片说明.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalFactory.ParseAsync(response);
        var altInput = page.QuerySelector("input[name^='Input.Alts[']")!;
        var key = altInput.GetAttribute("name")!;
        var storedName = key["Input.Alts[".Length..^1];
        Assert.NotNull(page.QuerySelector($"img[src='/media/{storedName}']"));
        var fields = page.QuerySelectorAll("form[action='/admin/articles/import/complete'] input[type=hidden], form[action='/admin/articles/import/complete'] input[type=text]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .ToList();
        fields.Add(new("Input.SectionId", fixture.SectionId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // A placeholder is refused and nothing is created.
        var before = await CountsAsync();
        var placeholder = fields.Select(f => f.Key == key ? new KeyValuePair<string, string>(key, "图片") : f).ToList();
        var refused = await SiteAdminFixture.PostAsync(fixture.Editor, "/admin/articles/import/complete", placeholder);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("不能说明图片的内容", (await PortalFactory.ParseAsync(refused)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());

        var described = fields.Select(f => f.Key == key ? new KeyValuePair<string, string>(key, "安全检查人员在企业车间") : f).ToList();
        var created = await SiteAdminFixture.PostAsync(fixture.Editor, "/admin/articles/import/complete", described);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var body = await fixture.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyMarkdown).SingleAsync());
        Assert.Contains($"![安全检查人员在企业车间](/media/{storedName})", body, StringComparison.Ordinal);
        Assert.DoesNotContain("![](", body, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> RefusedFiles() => new()
    {
        { "empty", "空.docx", "文件是空的" },
        { "corrupt", "损坏.docx", "已损坏" },
        { "xlsx", "表格.xlsx", "不是 Word 文档" },
        { "doc", "旧版.doc", "暂不支持旧版 Word（.doc）格式" },
        { "encrypted", "加密.docx", "设有打开密码" },
        { "docm", "宏.docm", "含有宏" },
        { "oversized", "大文件.docx", "文档不能超过" },
        { "no-paragraphs", "空白.docx", "没有可导入的正文" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Import_RefusedFile_ShowsChineseMessageAndCreatesNothing(string kind, string fileName, string message)
    {
        var content = kind switch
        {
            "empty" => [],
            "corrupt" => Docx()[..2000],
            "xlsx" => Zip(("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"), ("xl/workbook.xml", "<workbook/>")),
            "doc" => OldDoc(),
            "encrypted" => EncryptedOle(),
            "docm" => Build((body, main) => body.Append(Para(Image(main, TestContent.TinyPng, "image/png", "图", 1))), type: DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument),
            "oversized" => Build((body, main) => body.Append(Para(Image(main, [.. TestContent.TinyPng, .. RandomBytes(250_000)], "image/png", "大图", 1)))),
            _ => Build((_, _) => { }),
        };
        var before = await CountsAsync();

        var response = await ImportAsync(content, fileName);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalFactory.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_DraftRefusedAfterImagesWereStored_LeavesNoMediaRowOrFile()
    {
        // The section does not exist: EditorialService refuses the draft after the image was
        // stored in the same unit, which must then leave nothing behind.
        var before = await CountsAsync();

        var response = await ImportAsync(Docx(), "通知.docx", sectionId: 999_999);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请选择栏目", (await PortalFactory.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ImportPage_IsLinkedFromTheArticleList()
    {
        var (_, list) = await fixture.Factory.GetDocumentAsync("/admin/articles", fixture.Editor);

        Assert.NotNull(list.QuerySelector("a[href='/admin/articles/import']"));
        var (_, page) = await fixture.Factory.GetDocumentAsync("/admin/articles/import", fixture.Editor);
        Assert.NotNull(page.QuerySelector($"select[name='Input.SectionId'] option[value='{fixture.SectionId}']"));
    }

    [Fact]
    public async Task Paste_WordHtml_ReturnsMarkdownAndRenderedHtml()
    {
        var response = await PasteAsync("<p class=MsoNormal><b>加粗</b><span style='color:red'>文字</span><img src='file:///C:/x.png'></p>", "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("**加粗**文字\n", json.RootElement.GetProperty("markdown").GetString());
        Assert.Equal("<p><strong>加粗</strong>文字</p>\n", json.RootElement.GetProperty("html").GetString());
        Assert.Equal("粘贴内容中的 1 张图片未导入，请通过“图片”按钮上传。", json.RootElement.GetProperty("notes")[0].GetString());
    }

    [Fact]
    public async Task Paste_OverTheLimit_Is400WithChineseMessage()
    {
        var response = await PasteAsync("", new string('字', Portal.Core.Writing.ClipboardConverter.MaxInputChars + 10));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("粘贴的内容过大", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paste_WithoutSignIn_IsRefused()
    {
        using var form = new FormUrlEncodedContent([new("text", "x")]);
        var response = await fixture.Reader.PostAsync("/admin/editor/paste", form);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static byte[] RandomBytes(int length)
    {
        // Random, so that the package cannot compress it below the limit.
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private async Task<HttpResponseMessage> PasteAsync(string html, string text)
    {
        var token = await StaffAccounts.AntiforgeryTokenAsync(fixture.Editor, "/admin/articles/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(html), "html" },
            { new StringContent(text), "text" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/editor/paste") { Content = form };
        request.Headers.Add("X-Requested-With", "fetch");
        return await fixture.Editor.SendAsync(request);
    }
}
