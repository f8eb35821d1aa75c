using AngleSharp.Html.Parser;
using Portal.Core.Articles;
using Portal.Core.Media;

namespace Portal.Tests.Media;

/// <summary>The renderer's media touches: attachment links get a class, library images their size and srcset; nothing else changes.</summary>
public sealed class MediaRenderingTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Render_AttachmentLink_GetsTheClassOtherLinksDoNot()
    {
        var html = new MarkdownRenderer().Render($"附件：[通知](/media/{Hex}.pdf)（PDF，1 KB）\n\n[图](/media/{Hex}.jpg) [外链](https://example.com/a.pdf)");
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("a");

        Assert.Equal("attachment", links[0].GetAttribute("class"));
        Assert.Null(links[1].GetAttribute("class"));
        Assert.Null(links[2].GetAttribute("class"));
    }

    [Fact]
    public void Render_LibraryImageWithInfo_GetsSizeAndSrcset()
    {
        var url = $"/media/{Hex}.jpg";
        var images = new Dictionary<string, ImageInfo> { [url] = new ImageInfo(1600, 900, $"/media/{Hex}.list.jpg", 480) };
        var renderer = new MarkdownRenderer();
        var markdown = $"正文\n\n![会场]({url})\n\n![其他](/media/{new string('a', 32)}.png)";

        var img = new HtmlParser().ParseDocument(renderer.Render(markdown, images)).QuerySelectorAll("img");

        Assert.Equal("1600", img[0].GetAttribute("width"));
        Assert.Equal("900", img[0].GetAttribute("height"));
        Assert.Equal($"/media/{Hex}.list.jpg 480w, {url} 1600w", img[0].GetAttribute("srcset"));
        Assert.Equal(MediaImageInfo.Sizes, img[0].GetAttribute("sizes"));
        Assert.Null(img[1].GetAttribute("srcset"));
        Assert.Equal(renderer.Render("正文"), renderer.Render("正文", images));
    }
}
