using Portal.Core.Media;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>An article's cover image (封面图片) appears above its body.</summary>
public sealed class ArticleCoverTests : IAsyncLifetime, IDisposable
{
    private readonly PortalFactory _factory = PortalFactory.Empty();

    public async Task InitializeAsync()
    {
        _ = _factory.Services;
        await _factory.WithDbAsync(async db =>
        {
            var section = TestContent.Section("新闻中心", "新闻", "xinwen");
            var cover = new MediaFile { StoredName = new string('a', 32) + ".png", OriginalName = "封面.png", ContentType = "image/png", Length = 68, UploadedAt = TestContent.Epoch };
            var described = new MediaFile { StoredName = new string('b', 32) + ".png", OriginalName = "会场.png", ContentType = "image/png", Length = 68, UploadedAt = TestContent.Epoch, AltText = "吐鲁番市民族团结大会会场" };
            db.AddRange(section, cover, described);
            await db.SaveChangesAsync();
            var withCover = TestContent.Article("withcover", "有封面", section, TestContent.Epoch);
            withCover.CoverImageId = cover.Id;
            var withAlt = TestContent.Article("altcover", "封面有替代文本", section, TestContent.Epoch);
            withAlt.CoverImageId = described.Id;
            db.Articles.AddRange(withCover, withAlt, TestContent.Article("nocover", "无封面", section, TestContent.Epoch));
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ArticlePage_WithCover_ShowsItAboveTheBodyAsDecorative()
    {
        var (_, withCover) = await _factory.GetDocumentAsync("/articles/withcover");
        var (_, withoutCover) = await _factory.GetDocumentAsync("/articles/nocover");

        var image = withCover.QuerySelector(".article-cover img")!;
        Assert.Equal("/media/" + new string('a', 32) + ".png", image.GetAttribute("src"));
        Assert.Equal("", image.GetAttribute("alt"));
        Assert.Null(withoutCover.QuerySelector(".article-cover"));
    }

    [Fact]
    public async Task ArticlePage_CoverWithAltTextInTheMediaLibrary_UsesItAsAlt()
    {
        var (_, document) = await _factory.GetDocumentAsync("/articles/altcover");

        var image = document.QuerySelector(".article-cover img")!;
        Assert.Equal("/media/" + new string('b', 32) + ".png", image.GetAttribute("src"));
        Assert.Equal("吐鲁番市民族团结大会会场", image.GetAttribute("alt"));
    }
}
