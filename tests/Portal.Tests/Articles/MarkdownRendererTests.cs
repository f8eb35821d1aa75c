using AngleSharp.Html.Parser;
using Portal.Core.Articles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Articles;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Render_Paragraphs_BecomeParagraphsWordForWord()
    {
        var html = _renderer.Render("第一段，“引号”与（括号）。\n\n二、第二段");

        Assert.Equal("<p>第一段，“引号”与（括号）。</p>\n<p>二、第二段</p>\n", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("![图](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    public void Render_Script_NeverSurvives(string markdown)
    {
        var html = _renderer.Render(markdown);
        var body = new HtmlParser().ParseDocument(html).Body!;
        var elements = body.QuerySelectorAll("*").ToList();

        // Escaped as text is fine; what must not exist is markup that runs.
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Render_NestedPastTheLimit_IsRefusedWithTheLineWhereItBecomesTooDeep()
    {
        var first = Assert.Throws<MarkdownTooDeepException>(() => _renderer.Render(TestContent.TooDeepMarkdown));
        var later = Assert.Throws<MarkdownTooDeepException>(() => _renderer.Render("第一段\n\n第二段\n" + TestContent.TooDeepMarkdown + "\n\n末段"));
        var check = Assert.Throws<MarkdownTooDeepException>(() => MarkdownRenderer.CheckNesting(TestContent.TooDeepMarkdown));
        var alt = Assert.Throws<MarkdownTooDeepException>(() => MarkdownRenderer.HasImageWithoutAlt("![图](a.png)\n" + TestContent.TooDeepMarkdown));

        Assert.Equal(1, first.Line);
        Assert.Equal(4, later.Line);
        Assert.Equal(1, check.Line);
        Assert.Equal(2, alt.Line);
        Assert.Equal("Markdown line 4: " + MarkdownTooDeepException.Problem, later.Message);

        // Deep, but within the limit: rendered as it is.
        Assert.Contains("<blockquote>", _renderer.Render(new string('>', MarkdownRenderer.MaxNesting - 8) + " x"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TableAlignment_BecomesAClassNotAnInlineStyle()
    {
        var html = _renderer.Render("| 项目 | 数量 | 备注 |\n|:---|:---:|---:|\n| 甲 | 1 | 无 |");
        var body = new HtmlParser().ParseDocument(html).Body!;

        // The Content-Security-Policy blocks inline styles: alignment must come from a class.
        Assert.Empty(body.QuerySelectorAll("[style]"));
        Assert.Equal<string>(["align-left", "align-center", "align-right"], body.QuerySelectorAll("th").Select(th => th.ClassName ?? "").ToList());
        Assert.Equal<string>(["align-left", "align-center", "align-right"], body.QuerySelectorAll("td").Select(td => td.ClassName ?? "").ToList());
    }

    [Fact]
    public void Render_RawHtml_IsShownAsText()
    {
        var html = _renderer.Render("<b>粗体</b>");

        Assert.Contains("&lt;b&gt;粗体&lt;/b&gt;", html);
    }

    [Theory]
    [InlineData("![](a.png)", true)]
    [InlineData("正文\n\n![ ](a.png)", true)]
    [InlineData("| 表 |\n|---|\n| ![](a.png) |", true)]
    [InlineData("![吐鲁番](a.png)", false)]
    [InlineData("![`代码`](a.png)", false)]
    [InlineData("[链接](a.html)", false)]
    public void HasImageWithoutAlt_FindsImagesWithEmptyAltText(string markdown, bool expected)
    {
        Assert.Equal(expected, MarkdownRenderer.HasImageWithoutAlt(markdown));
    }
}
