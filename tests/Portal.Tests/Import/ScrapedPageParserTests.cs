using Portal.Core.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Import;

public class ScrapedPageParserTests
{
    private static readonly ScrapedPage Seed = ScrapedPageParser.Parse(Seeds.TurpanText, Seeds.TurpanPage);

    [Fact]
    public void Parse_Seed_MenuLabelsInOrderWithoutHome()
    {
        Assert.Equal(["机构", "新闻", "公开", "互动", "专题", "资料"], Seed.MenuLabels);
    }

    [Fact]
    public void Parse_Seed_SectionPathIsBreadcrumbBelowHome()
    {
        Assert.Equal(["新闻中心", "地方动态"], Seed.SectionPath);
    }

    [Fact]
    public void Parse_Seed_TitleDateAndSource()
    {
        Assert.Equal("新疆吐鲁番市：融心、融情、融亲、融力促创建", Seed.Title);
        Assert.Equal(new DateOnly(2023, 11, 21), Seed.Date);
        Assert.Equal("新疆维吾尔自治区民委", Seed.Source);
    }

    [Fact]
    public void Parse_Seed_FiveParagraphsWordForWordAsTheFileLines()
    {
        // The seed's own lines 7 and 19 bound the body; the paragraphs are the lines in between.
        Assert.Equal(7, SeedPage.DateLineNumber);
        Assert.Equal(19, SeedPage.FooterLineNumber);
        Assert.Equal(5, Seed.Paragraphs.Count);
        Assert.Equal(SeedPage.Paragraphs, Seed.Paragraphs);
    }

    [Fact]
    public void Parse_Seed_DuplicatedSecondNumberingKeptAsIs()
    {
        // The source numbers its sections 一、二、二、三、; the importer records, it does not correct.
        Assert.StartsWith("一、以宣传教育融心。", Seed.Paragraphs[1], StringComparison.Ordinal);
        Assert.StartsWith("二、以互嵌发展融情。", Seed.Paragraphs[2], StringComparison.Ordinal);
        Assert.StartsWith("二、以“一家亲”活动融亲。", Seed.Paragraphs[3], StringComparison.Ordinal);
        Assert.StartsWith("三、以创建工作融力。", Seed.Paragraphs[4], StringComparison.Ordinal);
        Assert.Equal(2, Seed.Paragraphs.Count(p => p.StartsWith("二、", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_Seed_NoPageFurnitureInParagraphs()
    {
        Assert.DoesNotContain(Seed.Paragraphs, p => p.Contains("字号", StringComparison.Ordinal));
        Assert.DoesNotContain(Seed.Paragraphs, p => p.Contains("建议使用IE9.0", StringComparison.Ordinal));
        Assert.DoesNotContain(Seed.Paragraphs, p => p.Contains("版权所有", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Seed_FooterLinksInOrder()
    {
        Assert.Equal(
            ["中央统战部", "中国政府网", "国务院部门", "地方政府", "直属单位", "地方民委", "放管服改革专项督查", "联系我们", "网站地图"],
            Seed.FooterLinks);
    }

    [Fact]
    public void Parse_Seed_FooterSiteIdentity()
    {
        Assert.Equal("中华人民共和国国家民族事务委员会", Seed.CopyrightHolder);
        Assert.Equal("京ICP备05048973号", Seed.IcpNumber);
        Assert.Equal("京公网安备 11040102700045号", Seed.PublicSecurityNumber);
        Assert.Equal("北京市西城区复兴门内大街甲49号", Seed.Address);
        Assert.Equal("100800", Seed.Postcode);
        Assert.Equal("国家民委舆情中心", Seed.Maintainer);
        Assert.Equal("政府网站找错", Seed.ErrorReportLabel);
        Assert.Equal("官方微信", Seed.WeChatLabel);
    }

    [Fact]
    public void Parse_Empty_ThrowsNamingFileWithoutLine()
    {
        var ex = Assert.Throws<ImportException>(() => ScrapedPageParser.Parse("\n\n  \n", "empty.txt"));

        Assert.Equal("empty.txt: the file is empty", ex.Message);
        Assert.Null(ex.Line);
    }

    [Fact]
    public void Parse_DateLineRightAfterBreadcrumb_ThrowsTitleMissingAtThatLine()
    {
        var text = SeedPage.ReplaceOnce(SeedPage.Text, Seed.Title + "\n\n", "");

        var ex = Assert.Throws<ImportException>(() => ScrapedPageParser.Parse(text, "page.txt"));

        // The title line and its blank line are gone, so the date line moves up from 7 to 5.
        Assert.Equal(5, ex.Line);
        Assert.StartsWith("page.txt:5: the title is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ImpossibleDate_ThrowsAtDateLine()
    {
        var text = SeedPage.ReplaceOnce(SeedPage.Text, "2023-11-21", "2023-13-45");

        var ex = Assert.Throws<ImportException>(() => ScrapedPageParser.Parse(text, "page.txt"));

        Assert.Equal(SeedPage.DateLineNumber, ex.Line);
        Assert.StartsWith($"page.txt:{SeedPage.DateLineNumber}: \"2023-13-45\" is not a valid date", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DateLineWithoutSource_ThrowsAtDateLine()
    {
        var text = SeedPage.ReplaceOnce(SeedPage.Text, "来源：新疆维吾尔自治区民委 ", "");

        var ex = Assert.Throws<ImportException>(() => ScrapedPageParser.Parse(text, "page.txt"));

        Assert.Equal($"page.txt:{SeedPage.DateLineNumber}: the source (来源：…) is missing from the date line", ex.Message);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\u0001")]
    [InlineData("\u001B")]
    public void Parse_ControlCharacterInBodyLine_ThrowsAtThatLine(string control)
    {
        // Valid UTF-8 that is still not text: the strict decoder lets it through, the parser must not.
        var text = SeedPage.ReplaceOnce(SeedPage.Text, "今年1月", "今年" + control + "1月");

        var ex = Assert.Throws<ImportException>(() => ScrapedPageParser.Parse(text, "page.txt"));

        Assert.Equal(9, ex.Line);
        Assert.Equal("page.txt:9: the file contains binary data or control characters; expected UTF-8 text", ex.Message);
    }

    [Fact]
    public void Parse_FooterLinkLongerThanItsColumn_ThrowsAtFooterLine()
    {
        var longText = new string('链', 101);
        var text = SeedPage.ReplaceOnce(SeedPage.Text, "[直属单位](#)", $"[{longText}](#)");

        var ex = Assert.Throws<ImportException>(() => ScrapedPageParser.Parse(text, "page.txt"));

        Assert.Equal($"page.txt:{SeedPage.FooterLineNumber}: a footer link is 101 characters long; at most 100 are allowed", ex.Message);
    }

    [Fact]
    public void Parse_UnrecognisedFooterLine_ThrowsInsteadOfDroppingIt()
    {
        var text = SeedPage.Text.TrimEnd() + "\n\n本站由某某公司技术支持\n";

        var ex = Assert.Throws<ImportException>(() => ScrapedPageParser.Parse(text, "page.txt"));

        Assert.Contains("unrecognised text in the footer: \"本站由某某公司技术支持\"", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Line);
    }

    [Fact]
    public void Parse_TextBetweenMenuLinks_ThrowsInsteadOfLosingIt()
    {
        var text = SeedPage.ReplaceOnce(SeedPage.Text, "[机构](#)", "[机构](#)多余文字");

        var ex = Assert.Throws<ImportException>(() => ScrapedPageParser.Parse(text, "page.txt"));

        Assert.Equal("page.txt:3: unexpected text \"多余文字\" in the menu", ex.Message);
    }

    [Fact]
    public void Parse_BodyParagraphMentioningCopyright_StaysInTheBody()
    {
        var paragraph = SeedPage.Paragraphs[0] + "本文版权所有归原作者。";
        var text = SeedPage.ReplaceOnce(SeedPage.Text, SeedPage.Paragraphs[0], paragraph);

        var page = ScrapedPageParser.Parse(text, "page.txt");

        Assert.Equal(5, page.Paragraphs.Count);
        Assert.Equal(paragraph, page.Paragraphs[0]);
        Assert.Equal("中华人民共和国国家民族事务委员会", page.CopyrightHolder);
    }

    [Fact]
    public void Parse_StrayOpeningBracketInBody_JoinsNoLines()
    {
        var paragraph = SeedPage.Paragraphs[0] + "见附件[1";
        var text = SeedPage.ReplaceOnce(SeedPage.Text, SeedPage.Paragraphs[0], paragraph);

        var page = ScrapedPageParser.Parse(text, "page.txt");

        Assert.Equal(5, page.Paragraphs.Count);
        Assert.Equal(paragraph, page.Paragraphs[0]);
        Assert.Equal("政府网站找错", page.ErrorReportLabel);
    }
}
