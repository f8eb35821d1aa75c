using Portal.Core.Articles;

namespace Portal.Tests.Articles;

/// <summary>An article's description for meta tags and feeds: its summary, else the start of its body text.</summary>
public sealed class ArticleTextTests
{
    [Fact]
    public void Description_WithSummary_IsTheSummaryTrimmed() =>
        Assert.Equal("摘要", ArticleText.Description("  摘要 ", "<p>正文</p>"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Description_WithoutSummary_IsTheBodyText(string? summary) =>
        Assert.Equal("正文", ArticleText.Description(summary, "<p>正文</p>"));

    [Fact]
    public void Excerpt_OfMarkup_JoinsInlineTextAndSeparatesParagraphsWithOneSpace()
    {
        const string html = "<h2>一、标题</h2>\n<p>\u3000\u3000民族<strong>团结</strong>进步，<a href=\"/x\">链接</a>。</p>\n<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>\n";

        Assert.Equal("一、标题 民族团结进步，链接。 甲 乙", ArticleText.Excerpt(html));
    }

    [Fact]
    public void Excerpt_OfLongText_IsItsFirst120Characters()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => (char)('一' + i)));

        Assert.Equal(text[..120], ArticleText.Excerpt($"<p>{text}</p>"));
    }

    [Fact]
    public void Excerpt_CuttingASurrogatePair_LeavesItOut()
    {
        // 119 characters, then 𠀀 (two UTF-16 units): the 120th unit is half of it.
        var text = new string('字', 119) + "\U00020000" + "后";

        var excerpt = ArticleText.Excerpt($"<p>{text}</p>")!;

        Assert.Equal(new string('字', 119), excerpt);
    }

    [Fact]
    public void Excerpt_CutOnTheSpaceBetweenParagraphs_EndsWithoutIt()
    {
        var first = new string('甲', 119);

        Assert.Equal(first, ArticleText.Excerpt($"<p>{first}</p>\n<p>{new string('乙', 50)}</p>"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<p> </p>")]
    [InlineData("<p><img src=\"/media/a.png\" alt=\"\"></p>")]
    public void Excerpt_OfABodyWithoutText_IsNull(string html) =>
        Assert.Null(ArticleText.Excerpt(html));
}
