using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Core.Articles;
using Portal.Core.Writing;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Writing.DocxBuilder;

namespace Portal.Tests.Writing;

/// <summary>Word documents to Markdown, and the files refused before anything is read.</summary>
public sealed class WordDocumentConverterTests
{
    private static readonly WordLimits Limits = new(20L * 1024 * 1024, 200L * 1024 * 1024, 2000, 5L * 1024 * 1024);

    private static WordConversion Convert(byte[] docx, string name = "通知.docx") => WordDocumentConverter.Convert(docx, name, Limits);

    private static string Refusal(byte[] content, string name = "通知.docx", WordLimits? limits = null) =>
        Assert.Throws<ConversionRefusedException>(() => WordDocumentConverter.Convert(content, name, limits ?? Limits)).Message;

    [Fact]
    public void Convert_FullDocument_GivesHeadingsListsTableLinksAndTrackedChanges()
    {
        var docx = DocxBuilder.Build((body, main) =>
        {
            body.Append(
                Styled("Heading1", T("关于印发《安全生产工作方案》的通知")),
                Para(T("各乡镇："), T("坚持", bold: true), T("安全第一", bold: true), T("，"), T("预防", italic: true), T("为主。")),
                Styled("2", T("一、总体要求")),
                Para(T("完成时间："), Deleted("11月底"), Inserted("12月31日"), T("前。")),
                Styled("a5", T("（一）工作目标")),
                ListItem(1, 0, "全面排查"),
                ListItem(1, 1, "重点企业"),
                ListItem(1, 1, "人员密集场所"),
                ListItem(1, 0, "落实整改"),
                ListItem(2, 0, "值班电话"),
                ListItem(3, 0, "中文编号"),
                Table(["县区", "检查次数"], ["高昌区", "6|7"]),
                Para(T("详见"), Link(main, "https://www.example.gov.cn/aq.html", "应急管理局网站"), T("和"), Link(main, "javascript:alert(1)", "这里"), T("。")),
                Para(new Run(new RunProperties(new RunStyle { Val = "Strong" }), new Text("特此通知。"))),
                Para(T("1. 不是列表 *星号*")));
        });

        var result = Convert(docx);

        Assert.Equal("关于印发《安全生产工作方案》的通知", result.Title);
        Assert.Equal(
            """
            各乡镇：**坚持安全第一**，*预防*为主。

            ## 一、总体要求

            完成时间：12月31日前。

            ### （一）工作目标

            1. 全面排查
               1. 重点企业
               2. 人员密集场所
            2. 落实整改

            * 值班电话

            1. 中文编号

            | 县区 | 检查次数 |
            | --- | --- |
            | 高昌区 | 6\|7 |

            详见[应急管理局网站](https://www.example.gov.cn/aq.html)和这里。

            **特此通知。**

            1\. 不是列表 \*星号\*

            """.ReplaceLineEndings("\n"),
            result.Markdown);
        Assert.Empty(result.Images);
        Assert.Equal(1, result.Tables);
    }

    [Fact]
    public void Convert_CoreTitle_WinsAndKeepsTheFirstHeading()
    {
        var result = Convert(Doc(body => body.Append(Styled("Heading1", T("正文标题")), Para(T("正文。"))), coreTitle: "文档属性标题"));

        Assert.Equal("文档属性标题", result.Title);
        Assert.Equal("# 正文标题\n\n正文。\n", result.Markdown);
    }

    [Fact]
    public void Convert_NoHeading_TakesTheFirstParagraphTrimmedToTheTitleLimit()
    {
        var longTitle = new string('长', 300);
        var result = Convert(Doc(body => body.Append(Para(T(longTitle)), Para(T("第二段。")))));

        Assert.Equal(200, result.Title.Length);
        Assert.Equal(longTitle + "\n\n第二段。\n", result.Markdown);
    }

    [Fact]
    public void Convert_Images_AreReturnedWithTheirAltTextAndUnsupportedOnesCounted()
    {
        var docx = DocxBuilder.Build((body, main) => body.Append(
            Para(T("正文。")),
            Para(Image(main, TestContent.TinyPng, "image/png", "吐鲁番市召开会议", 1)),
            Para(Image(main, TestContent.TinyPng, "image/png", null, 2)),
            Para(Image(main, TestContent.TinyPng, "image/png", "图片", 3)),
            Para(Image(main, [0x01, 0x00, 0x00, 0x00, 0x6C, 0, 0, 0, 0, 0, 0, 0, 0x20, 0x45, 0x4D, 0x46], "image/x-emf", "流程图", 4))));

        var result = Convert(docx);

        Assert.Equal(3, result.Images.Count);
        Assert.Equal(["吐鲁番市召开会议", null, null], result.Images.Select(i => i.Alt));
        Assert.Equal("正文。\n\n\u00010\u0001\n\n\u00011\u0001\n\n\u00012\u0001\n", result.Markdown);
        Assert.Contains(result.Notes, n => n.Contains("1 张图片的格式（如 EMF、WMF、TIFF）", StringComparison.Ordinal));
    }

    [Fact]
    public void Convert_ImageTooLargeForTheMediaLibrary_IsSkippedWithANotice()
    {
        var big = TestContent.TinyPng.Concat(new byte[3000]).ToArray();
        var docx = DocxBuilder.Build((body, main) => body.Append(Para(T("正文。")), Para(Image(main, big, "image/png", "大图", 1))));

        var result = WordDocumentConverter.Convert(docx, "a.docx", Limits with { MaxImageBytes = 1000 });

        Assert.Empty(result.Images);
        Assert.Contains(result.Notes, n => n.Contains("1 张图片超过", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuse_EmptyFile() => Assert.Contains("文件是空的", Refusal([]), StringComparison.Ordinal);

    [Fact]
    public void Refuse_OversizedFile() =>
        Assert.Contains("文档不能超过 1 MB", Refusal(new byte[(1024 * 1024) + 1], limits: Limits with { MaxBytes = 1024 * 1024 }), StringComparison.Ordinal);

    [Fact]
    public void Refuse_OldDoc() =>
        Assert.Equal("暂不支持旧版 Word（.doc）格式，请在 Word 或 WPS 中“另存为”.docx 后再导入。", Refusal(OldDoc(), "旧文件.docx"));

    [Fact]
    public void Refuse_OldWps() => Assert.Contains("（.wps）", Refusal(OldDoc(), "旧文件.wps"), StringComparison.Ordinal);

    [Fact]
    public void Refuse_Encrypted() => Assert.Contains("设有打开密码", Refusal(EncryptedOle()), StringComparison.Ordinal);

    [Fact]
    public void Refuse_CorruptZip()
    {
        var docx = Doc(body => body.Append(Para(T("正文。"))));
        var broken = docx[..(docx.Length / 2)];

        Assert.Contains("已损坏", Refusal(broken), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_NotAZip() => Assert.Contains("不是 Word 文档", Refusal("纯文本冒充的文档"u8.ToArray()), StringComparison.Ordinal);

    [Fact]
    public void Refuse_Spreadsheet()
    {
        var xlsx = Zip(
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"),
            ("xl/workbook.xml", "<workbook/>"));

        Assert.Contains("不是 Word 文档", Refusal(xlsx, "表格.docx"), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_MacroEnabledDocument()
    {
        var docm = DocxBuilder.Build((body, main) => body.Append(Para(T("正文。"))), type: WordprocessingDocumentType.MacroEnabledDocument);

        Assert.Contains("含有宏", Refusal(docm, "宏.docm"), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_VbaProjectPartInADocx()
    {
        var docx = Doc(body => body.Append(Para(T("正文。"))));
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/vbaProject.bin").Open();
            entry.Write([1, 2, 3]);
        }

        Assert.Contains("含有宏", Refusal(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_ZipBomb()
    {
        // 50 MB of zeros compress to about 50 KB; the declared unpacked size is over the limit.
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml").Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 50; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.Contains("解压后过大", Refusal(stream.ToArray(), limits: Limits with { MaxUncompressedBytes = 10L * 1024 * 1024 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_TooManyParts()
    {
        var entries = Enumerable.Range(0, 30).Select(i => ($"part{i}.xml", "<x/>")).ToArray();

        Assert.Contains("部件过多", Refusal(Zip(entries), limits: Limits with { MaxParts = 20 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_DocumentWithoutParagraphs() =>
        Assert.Contains("没有可导入的正文", Refusal(Doc(_ => { })), StringComparison.Ordinal);

    [Fact]
    public void Convert_ImageOnlyDocument_TakesTheFileNameAsTitle()
    {
        var result = Convert(DocxBuilder.Build((body, main) => body.Append(Para(Image(main, TestContent.TinyPng, "image/png", "会议现场", 1)))), "关于印发《…》的通知.docx");

        Assert.Equal("关于印发《…》的通知", result.Title);
    }

    [Fact]
    public void Convert_MarkdownRendersWithinTheRenderersDepth()
    {
        var result = Convert(Doc(body =>
        {
            for (var level = 0; level < 9; level++)
            {
                body.Append(ListItem(1, level, "层" + level));
            }
        }));

        Assert.Contains("层8", new MarkdownRenderer().Render(result.Markdown), StringComparison.Ordinal);
    }

    private static byte[] Doc(Action<Body> content, string? coreTitle = null) => DocxBuilder.Build((b, _) => content(b), coreTitle);
}
