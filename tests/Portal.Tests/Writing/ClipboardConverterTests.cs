using System.Diagnostics;
using AngleSharp.Html.Parser;
using Portal.Core.Articles;
using Portal.Core.Writing;

namespace Portal.Tests.Writing;

/// <summary>Pasting from Word, WPS, web pages and plain text: the Markdown, exactly.</summary>
public sealed class ClipboardConverterTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Writing", "Fixtures", name));

    /// <summary>The text a reader sees once the Markdown is rendered (paragraphs one per line).</summary>
    private static string RenderedText(string markdown)
    {
        var html = new MarkdownRenderer().Render(markdown);
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        return string.Join("\n", document.Body!.Children.Select(c => c.TextContent));
    }

    [Fact]
    public void Convert_WordBrowserFragment_KeepsStructureAndDropsOfficeMarkup()
    {
        var result = ClipboardConverter.Convert(Fixture("word-browser.html"), "ignored when html has content");

        Assert.Equal(
            """
            # 关于做好冬季安全生产工作的通知

            各乡镇人民政府、街道办事处，区直各部门：

            # 一、总体要求

            **坚持安全第一**，预防为主。2026年12月31日前完成*自查*。

            1. 全面排查隐患
               1. 重点企业
               2. 人员密集场所
            2. 落实整改责任

            * 值班电话：0995-1234567
            * 详见[应急管理局网站](https://www.example.gov.cn/aq/2026.html)和这里

            | 县区 | 检查次数 |
            | --- | --- |
            | 高昌区 （含开发区） | 6\|7 |

            特此通知。

            """.ReplaceLineEndings("\n"),
            result.Markdown);
        Assert.Equal(["粘贴内容中的 1 张图片未导入，请通过“图片”按钮上传。"], result.Notes);
    }

    [Fact]
    public void Convert_WordBrowserFragment_RendersWithoutStylesCommentsOrDeletions()
    {
        var markdown = ClipboardConverter.Convert(Fixture("word-browser.html"), null).Markdown;
        var html = new MarkdownRenderer().Render(markdown);

        Assert.DoesNotContain("底前", html, StringComparison.Ordinal); // tracked deletion
        Assert.DoesNotContain("[A1]", html, StringComparison.Ordinal); // comment mark
        Assert.DoesNotContain("请核实日期", html, StringComparison.Ordinal); // comment text
        Assert.DoesNotContain("仿宋", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("file:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u00a0", markdown, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<th>县区</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>6|7</td>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_WindowsCfHtmlWithHeader_EscapesTextThatLooksLikeMarkdown()
    {
        var result = ClipboardConverter.Convert(Fixture("word-cfhtml.txt"), null);

        Assert.Equal(
            "## 二、工作措施\n\n要把\\*安全\\*放在首位，执行\\_“三个必须”\\_。\n\n1\\. 第一条\\\n\\# 不是标题\n",
            result.Markdown);
        Assert.Empty(result.Notes);
        Assert.Equal("二、工作措施\n要把*安全*放在首位，执行_“三个必须”_。\n1. 第一条\n# 不是标题", RenderedText(result.Markdown));
    }

    [Fact]
    public void Convert_Wps_DropsFontsAndKeepsBoldWithChinesePunctuation()
    {
        var result = ClipboardConverter.Convert(Fixture("wps.html"), null);

        Assert.Equal(
            "按照区委、区政府工作安排，现将有关事项通知如下。\n\n**（一）加强组织领导**。各单位主要负责人是第一责任人。\n\n吐鲁番市高昌区应急管理局\n\n2026年12月1日\n",
            result.Markdown);
        Assert.Contains("<strong>（一）加强组织领导</strong>。", new MarkdownRenderer().Render(result.Markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_WebPage_KeepsSafeLinksListsAndReportsImages()
    {
        var result = ClipboardConverter.Convert(Fixture("web.html"), null);

        Assert.Equal(
            """
            近日，**自治区**召开会议。\
            会议指出：**要抓好落实**。

            会议由[张三](/xinwen/2026/1.html)主持，详情见[政府网](http://www.xinjiang.gov.cn/)，联系[办公室](mailto:office@example.gov.cn)，数据，下一页。

            - 第一项
              - 子项 \*a\*
            - 第二项

            3) 三
            4) 四

            *摄影：李四*

            """.ReplaceLineEndings("\n"),
            result.Markdown);
        Assert.Equal(["粘贴内容中的 2 张图片未导入，请通过“图片”按钮上传。"], result.Notes);
        var html = new MarkdownRenderer().Render(result.Markdown);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("other.example.com", html, StringComparison.Ordinal);
        Assert.Contains("<ol start=\"3\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_PlainTextFromTheIssue_GivesParagraphTableAndTextThatIsNoList()
    {
        var result = ClipboardConverter.Convert(null, "一、总体要求\n县区\t数量\n高昌区\t6\n1. 第一条");

        Assert.Equal("一、总体要求\n\n| 县区 | 数量 |\n| --- | --- |\n| 高昌区 | 6 |\n\n1\\. 第一条\n", result.Markdown);
        var html = new MarkdownRenderer().Render(result.Markdown);
        Assert.DoesNotContain("<ol", html, StringComparison.Ordinal);
        Assert.Contains("<p>1. 第一条</p>", html, StringComparison.Ordinal);
        Assert.Contains("<th>县区</th>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- 不是列表")]
    [InlineData("* 不是列表")]
    [InlineData("+ 不是列表")]
    [InlineData("> 不是引用")]
    [InlineData("# 不是标题")]
    [InlineData("a. 不是字母列表")]
    [InlineData("iv) 不是罗马数字列表")]
    [InlineData("| 竖线 | 不是表格 |")]
    [InlineData("***")]
    [InlineData("---")]
    [InlineData("===")]
    [InlineData("```")]
    [InlineData("~~删除线~~ ==标记== ++插入++ ^上标^ ~下标~")]
    [InlineData("[链接](http://example.com) ![图](x.png) <b>标签</b> &amp; \\反斜杠")]
    [InlineData("`代码` *斜体* _下划线_ **加粗**")]
    [InlineData("[引用]: http://example.com")]
    [InlineData("1) 第一")]
    public void Convert_PlainTextThatLooksLikeMarkdown_RendersAsTheSameText(string line)
    {
        var markdown = ClipboardConverter.Convert(null, line).Markdown;

        Assert.Equal(line, RenderedText(markdown));
    }

    [Fact]
    public void Convert_PlainText_DropsIndentationAndNoBreakSpaces()
    {
        var markdown = ClipboardConverter.Convert(null, "\u3000\u3000第一段\u00a0文字  \r\n\r\n    第二段\r\n").Markdown;

        Assert.Equal("第一段 文字\n\n第二段\n", markdown);
    }

    [Fact]
    public void Convert_EmptyHtmlWithText_FallsBackToText()
    {
        Assert.Equal("文字\n", ClipboardConverter.Convert("<html><body><!--StartFragment--><!--EndFragment--></body></html>", "文字").Markdown);
        Assert.Equal("", ClipboardConverter.Convert("", "").Markdown);
    }

    [Fact]
    public void Convert_BoldRunsSplitByWord_AreMergedAndKeptOffPunctuationNextToText()
    {
        var markdown = ClipboardConverter.Convert("<p>中<b>“引</b><b>号”</b>中<strong> 空格 </strong>尾</p>", null).Markdown;

        Assert.Equal("中“**引号**”中 **空格** 尾\n", markdown);
        Assert.Contains("<strong>引号</strong>", new MarkdownRenderer().Render(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_WordBoldStyles_FollowTheTextNotTheBidiProperty()
    {
        var markdown = ClipboardConverter.Convert(
            "<p><span style='mso-bidi-font-weight:bold'>普通</span><b style='mso-bidi-font-weight:normal'>加粗</b><span style='font-weight:normal'>普通</span></p>",
            null).Markdown;

        Assert.Equal("普通**加粗**普通\n", markdown);
    }

    [Fact]
    public void Convert_HeadingsAndBreaks_AreNormalised()
    {
        var markdown = ClipboardConverter.Convert("<h3>小标题 #</h3><div>甲<br><br>乙</div><h7>x</h7><p class=MsoSubtitle>副标题</p>", null).Markdown;

        Assert.Equal("### 小标题 \\#\n\n甲\\\n乙\n\nx\n\n## 副标题\n", markdown);
    }

    [Fact]
    public void Convert_TableWithSpans_PadsRows()
    {
        var markdown = ClipboardConverter.Convert(
            "<table><tr><td colspan=2>合并</td><td>三</td></tr><tr><td rowspan=2>甲</td><td>乙</td><td>丙</td></tr><tr><td>丁</td><td>戊</td></tr></table>",
            null).Markdown;

        Assert.Equal("| 合并 | | 三 |\n| --- | --- | --- |\n| 甲 | 乙 | 丙 |\n| | 丁 | 戊 |\n", markdown);
    }

    [Fact]
    public void Convert_TenThousandNestedDivs_DoesNotOverflowAndKeepsTheText()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 10_000)) + "深处的文字" + string.Concat(Enumerable.Repeat("</div>", 10_000));
        var watch = Stopwatch.StartNew();

        var markdown = ClipboardConverter.Convert(html, null).Markdown;

        Assert.Equal("深处的文字\n", markdown);

        // About 1 s on an idle 2-core machine, nearly all of it AngleSharp building the tree (its
        // scope checks walk the stack of open elements); the bound leaves room for a loaded CI.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Convert_DeeplyNestedListsAndBold_StayWithinTheRenderersDepth()
    {
        var html = string.Concat(Enumerable.Repeat("<ul><li>层<b>", 5_000)) + "底";
        var markdown = ClipboardConverter.Convert(html, null).Markdown;

        var rendered = new MarkdownRenderer().Render(markdown);
        Assert.Contains("底", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_FourMebibytePaste_IsConvertedQuickly()
    {
        var paragraph = "<p class=MsoNormal><span style='font-family:仿宋_GB2312'>吐鲁番市高昌区召开安全生产工作会议，部署冬季安全生产工作。<o:p></o:p></span></p>\n";
        var html = string.Concat(Enumerable.Repeat(paragraph, ClipboardConverter.MaxInputChars / paragraph.Length));
        Assert.True(html.Length <= ClipboardConverter.MaxInputChars);
        var watch = Stopwatch.StartNew();

        var markdown = ClipboardConverter.Convert(html, null).Markdown;

        Assert.StartsWith("吐鲁番市高昌区召开安全生产工作会议", markdown, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Convert_OverTheLimit_IsRefusedInChinese()
    {
        var ex = Assert.Throws<ConversionRefusedException>(() => ClipboardConverter.Convert(null, new string('字', ClipboardConverter.MaxInputChars + 1)));

        Assert.Contains("粘贴的内容过大", ex.Message, StringComparison.Ordinal);
    }
}
