using System.Text;
using Portal.Core.Media;

namespace Portal.Tests.Media;

/// <summary>Attachments are typed from their content; a name that disagrees, macros and markup are refused.</summary>
public sealed class AttachmentSnifferTests
{
    public static TheoryData<string, string, string> Accepted() => new()
    {
        { "pdf", "关于印发《办法》的通知.pdf", "PDF" },
        { "docx", "a.docx", "DOCX" },
        { "xlsx", "a.xlsx", "XLSX" },
        { "odt", "a.odt", "ODT" },
        { "ods", "a.ods", "ODS" },
        { "ofd", "公文.ofd", "OFD" },
        { "zip", "材料.zip", "ZIP" },
        { "doc", "a.doc", "DOC" },
        { "doc", "a.wps", "WPS" },
        { "xls", "a.xls", "XLS" },
        { "book", "a.et", "ET" },
        { "txt", "说明.TXT", "TXT" },
    };

    private static byte[] Sample(string key) => key switch
    {
        "pdf" => MediaSamples.Pdf,
        "docx" => MediaSamples.Docx,
        "xlsx" => MediaSamples.Xlsx,
        "odt" => MediaSamples.Odt,
        "ods" => MediaSamples.Ods,
        "ofd" => MediaSamples.Ofd,
        "zip" => MediaSamples.PlainZip,
        "doc" => MediaSamples.Cfb("WordDocument"),
        "xls" => MediaSamples.Cfb("Workbook"),
        "book" => MediaSamples.Cfb("Book"),
        "txt" => Encoding.UTF8.GetBytes("第一行\r\n第二行\t制表\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_EachFormatWithItsExtension_IsAccepted(string sample, string name, string label)
    {
        var check = AttachmentSniffer.Check(new MemoryStream(Sample(sample)), name);

        Assert.Null(check.Error);
        Assert.Equal(label, check.Type!.Label);
    }

    [Theory]
    [InlineData("zip", "伪装.pdf")]
    [InlineData("xlsx", "表格.docx")]
    [InlineData("docx", "文档.xlsx")]
    [InlineData("pdf", "a.docx")]
    [InlineData("doc", "a.xls")]
    [InlineData("xls", "a.doc")]
    [InlineData("odt", "a.ods")]
    [InlineData("pdf", "a.txt")]
    [InlineData("docx", "a.zip")]
    [InlineData("pdf", "noextension")]
    public void Check_ContentAndExtensionDisagree_IsRefusedInChinese(string sample, string name)
    {
        var check = AttachmentSniffer.Check(new MemoryStream(Sample(sample)), name);

        Assert.Null(check.Type);
        Assert.Contains("不符", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4D5A90000300000004000000FFFF0000", "setup.pdf")]
    [InlineData("4D5A90000300000004000000FFFF0000", "setup.txt")]
    [InlineData("7F454C46020101000000000000000000", "a.doc")]
    public void Check_ExecutableRenamed_IsRefused(string hex, string name)
    {
        var check = AttachmentSniffer.Check(new MemoryStream(Convert.FromHexString(hex)), name);

        Assert.Null(check.Type);
        Assert.False(string.IsNullOrEmpty(check.Error));
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("\uFEFF  \n<svg onload=alert(1)>")]
    [InlineData("<?xml version=\"1.0\"?><svg/>")]
    [InlineData("<!DOCTYPE html>")]
    public void Check_MarkupRenamedTxt_IsRefused(string text)
    {
        var check = AttachmentSniffer.Check(new MemoryStream(Encoding.UTF8.GetBytes(text)), "readme.txt");

        Assert.Null(check.Type);
        Assert.Contains("网页、SVG 或脚本", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TextWithNulOrGbk_IsRefused()
    {
        Assert.Contains("控制字符", AttachmentSniffer.Check(new MemoryStream("abc\0def"u8.ToArray()), "a.txt").Error, StringComparison.Ordinal);

        // 中文 in GBK: not UTF-8.
        Assert.Contains("UTF-8", AttachmentSniffer.Check(new MemoryStream([0xD6, 0xD0, 0xCE, 0xC4]), "a.txt").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Check_MacroEnabledOffice_IsRefused(bool contentType)
    {
        var check = AttachmentSniffer.Check(new MemoryStream(contentType ? MediaSamples.Docm : MediaSamples.DocxWithVba), "a.docx");

        Assert.Null(check.Type);
        Assert.Contains("宏", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Macros", "a.doc")]
    [InlineData("_VBA_PROJECT_CUR", "a.xls")]
    [InlineData("VBA", "a.wps")]
    public void Check_OldOfficeFileWithMacros_IsRefused(string macroStorage, string name)
    {
        var stream = name.EndsWith(".xls", StringComparison.Ordinal) ? "Workbook" : "WordDocument";

        var check = AttachmentSniffer.Check(new MemoryStream(MediaSamples.Cfb(stream, macroStorage)), name);

        Assert.Null(check.Type);
        Assert.Contains("宏", check.Error, StringComparison.Ordinal);
        Assert.NotNull(AttachmentSniffer.Check(new MemoryStream(MediaSamples.Cfb(stream)), name).Type);
    }

    [Fact]
    public void Check_TruncatedZipOrCfb_IsRefusedNotThrown()
    {
        var zip = AttachmentSniffer.Check(new MemoryStream(MediaSamples.Docx[..40]), "a.docx");
        var cfb = AttachmentSniffer.Check(new MemoryStream(MediaSamples.Cfb("WordDocument")[..600]), "a.doc");

        Assert.Null(zip.Type);
        Assert.NotNull(zip.Error);
        Assert.Null(cfb.Type);
        Assert.NotNull(cfb.Error);
    }

    [Fact]
    public void CompoundFileReader_DirectoryLoop_EndsWithWhatWasRead()
    {
        var file = MediaSamples.Cfb("WordDocument");

        // The directory sector's FAT entry points to itself.
        BitConverter.GetBytes(1u).CopyTo(file, 512 + 4);

        Assert.Contains("WordDocument", CompoundFileReader.ReadNames(new MemoryStream(file))!);
    }
}
