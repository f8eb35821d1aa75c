using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Articles;
using Portal.Core.Home;
using Portal.Core.Media;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Home;

/// <summary>
/// The reader's home page from its blocks: the default layout while there are none, each block
/// type as readers see it, empty blocks left out, a date on every item, and one query per block type.
/// The tests of this class share one store and run one after another; each sets the blocks it needs.
/// </summary>
public sealed class HomePageTests : IAsyncLifetime, IDisposable
{
    private readonly HomeBlockFactory _factory = new();
    private readonly CommandCounter _counter = new();
    private readonly DateTime _now = TimeProvider.System.GetUtcNow().UtcDateTime;
    private int _news;
    private int _local;
    private int _pictures;
    private int _notices;
    private int _external;
    private int _topicImage;

    public async Task InitializeAsync()
    {
        _ = _factory.Services;
        await _factory.WithDbAsync(async db =>
        {
            var news = TestContent.Section("新闻中心", "新闻", "xinwen");
            var local = TestContent.Section("地方动态", "地方", "difang", news);
            var pictures = TestContent.Section("图片中心", "图片", "tupian");
            var notices = TestContent.Section("通知公告", "通知", "tongzhi");
            var external = TestContent.Section("外部网站", "外部", "waibu");
            external.Kind = SectionKind.Link;
            external.LinkUrl = "https://www.gov.cn/";
            db.Sections.AddRange(news, local, pictures, notices, external);

            var images = Enumerable.Range(1, 10).Select(i => Image(i, i == 8 ? null : $"图片说明{i}")).ToList();
            db.MediaFiles.AddRange(images);
            await db.SaveChangesAsync();

            var headline = TestContent.Article("old-headline", "旧头条", news, _now.AddDays(-10));
            headline.IsHeadline = true;
            headline.Summary = "头条摘要";
            headline.CoverImageId = images[8].Id;
            var future = TestContent.Article("future-headline", "未到时间的头条", news, _now.AddDays(5));
            future.IsHeadline = true;
            var draft = TestContent.Article("draft-headline", "草稿头条", news, _now.AddDays(-1), ArticleStatus.Draft);
            draft.IsHeadline = true;
            db.Articles.AddRange(headline, future, draft, TestContent.Article("newest", "最新新闻", local, _now.AddDays(-1)));

            // 图片新闻: six with a cover and alt text (2–7 days old), one whose cover has no alt
            // text, one without a cover, one with a cover but not marked.
            for (var i = 1; i <= 6; i++)
            {
                var picture = TestContent.Article($"picture-{i}", $"图片新闻{i}", pictures, _now.AddDays(-1 - i));
                picture.IsPictureNews = true;
                picture.CoverImageId = images[i - 1].Id;
                db.Articles.Add(picture);
            }

            var noAlt = TestContent.Article("picture-noalt", "封面无替代文字", pictures, _now.AddDays(-8));
            noAlt.IsPictureNews = true;
            noAlt.CoverImageId = images[7].Id;
            var noCover = TestContent.Article("picture-nocover", "没有封面", pictures, _now.AddDays(-9));
            noCover.IsPictureNews = true;
            var notMarked = TestContent.Article("picture-unmarked", "未标记图片新闻", pictures, _now.AddDays(-20));
            notMarked.CoverImageId = images[6].Id;
            db.Articles.AddRange(noAlt, noCover, notMarked);
            await db.SaveChangesAsync();

            (_news, _local, _pictures, _notices, _external, _topicImage) = (news.Id, local.Id, pictures.Id, notices.Id, external.Id, images[9].Id);
            return 0;
        });

        // The 专题 image is on disk, so readers can fetch it.
        var media = Path.Combine(_factory.DataPath, "media");
        Directory.CreateDirectory(media);
        await File.WriteAllBytesAsync(Path.Combine(media, StoredName(10)), TestContent.TinyPng);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _counter.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task HomePage_NoBlocks_ShowsHeadlineThenOneBlockPerMenuSectionWithArticles()
    {
        await SetBlocksAsync();

        var document = await HomeAsync();
        var blocks = document.QuerySelectorAll(".home-block").ToList();

        // 通知公告 has no article and 外部网站 is a 链接 section: both left out.
        Assert.Equal(["头条", "新闻中心", "图片中心"], blocks.Select(Heading));
        var news = blocks[1];
        Assert.Equal("/xinwen", news.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal(["最新新闻", "旧头条"], news.QuerySelectorAll(".article-list li > a").Select(a => a.TextContent.Trim()));
        Assert.Equal("/xinwen", news.QuerySelector("a.more")!.GetAttribute("href"));
        Assert.Equal(8, blocks[2].QuerySelectorAll(".article-list li").Length);
        Assert.DoesNotContain("本栏目暂无信息", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headline_FeaturedArticle_IsTheNewestVisibleFeaturedOneWithDateSummaryAndCover()
    {
        await SetBlocksAsync(new HomeBlock { Kind = HomeBlockKind.Headline });

        var block = Assert.Single((await HomeAsync()).QuerySelectorAll(".home-block"));

        // Not the future one, not the draft: the visible one, though two newer articles exist.
        Assert.Equal("旧头条", block.QuerySelector("h3 a")!.TextContent.Trim());
        Assert.Equal("/articles/old-headline", block.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Equal(LocalDate(_now.AddDays(-10)), block.QuerySelector("time")!.TextContent.Trim());
        Assert.Equal("头条摘要", block.QuerySelector(".headline-summary")!.TextContent.Trim());
        var image = block.QuerySelector("img")!;
        Assert.Equal("/media/" + StoredName(9), image.GetAttribute("src"));
        Assert.Equal("图片说明9", image.GetAttribute("alt"));
    }

    [Fact]
    public async Task Headline_NoneFeatured_IsTheNewestVisibleArticle()
    {
        await SetBlocksAsync(new HomeBlock { Kind = HomeBlockKind.Headline, Title = "要闻" });
        await _factory.WithDbAsync(db => db.Articles.Where(a => a.UrlKey == "old-headline").ExecuteUpdateAsync(s => s.SetProperty(a => a.IsHeadline, false)));
        try
        {
            var block = Assert.Single((await HomeAsync()).QuerySelectorAll(".home-block"));

            Assert.Equal("要闻", Heading(block));
            Assert.Equal("最新新闻", block.QuerySelector("h3 a")!.TextContent.Trim());
            Assert.Equal(LocalDate(_now.AddDays(-1)), block.QuerySelector("time")!.TextContent.Trim());
            Assert.Null(block.QuerySelector("img"));
        }
        finally
        {
            await _factory.WithDbAsync(db => db.Articles.Where(a => a.UrlKey == "old-headline").ExecuteUpdateAsync(s => s.SetProperty(a => a.IsHeadline, true)));
        }
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(9, 5)]
    [InlineData(1, 3)]
    public async Task PictureNews_OnlyMarkedArticlesWithCoverAndAltText_AsAGridOfAtMostFive(int count, int shown)
    {
        await SetBlocksAsync(new HomeBlock { Kind = HomeBlockKind.PictureNews, Count = count });

        var block = Assert.Single((await HomeAsync()).QuerySelectorAll(".home-block"));
        var items = block.QuerySelectorAll("ul.picture-grid > li").ToList();

        Assert.Equal("图片新闻", Heading(block));
        Assert.Equal(Enumerable.Range(1, shown).Select(i => $"图片新闻{i}"), items.Select(li => li.QuerySelector(".picture-title")!.TextContent.Trim()));
        for (var i = 0; i < items.Count; i++)
        {
            var image = items[i].QuerySelector("img")!;
            Assert.Equal("/media/" + StoredName(i + 1), image.GetAttribute("src"));
            Assert.Equal($"图片说明{i + 1}", image.GetAttribute("alt"));
            Assert.Equal(LocalDate(_now.AddDays(-2 - i)), items[i].QuerySelector("time")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Blocks_ThatWouldBeEmpty_AreLeftOut()
    {
        await SetBlocksAsync(
            new HomeBlock { Kind = HomeBlockKind.Section, SectionId = _notices, Count = 8 },
            new HomeBlock { Kind = HomeBlockKind.Section, SectionId = _external, Count = 8 },
            new HomeBlock { Kind = HomeBlockKind.Topics },
            new HomeBlock { Kind = HomeBlockKind.QuickLinks, Title = "空的快捷链接" },
            new HomeBlock { Kind = HomeBlockKind.QuickLinks, Links = [new HomeBlockLink { Label = "中国政府网", Url = "https://www.gov.cn/" }] });

        var blocks = (await HomeAsync()).QuerySelectorAll(".home-block").ToList();

        var only = Assert.Single(blocks);
        Assert.Equal("快捷链接", Heading(only));
        Assert.Equal("https://www.gov.cn/", only.QuerySelector("ul.quick-links > li > a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SectionBlock_ShowsItsNewestNIncludingSubsectionsWithDatesAndMore()
    {
        await SetBlocksAsync(
            new HomeBlock { Kind = HomeBlockKind.Section, SectionId = _pictures, Count = 2, Title = "图片报道" },
            new HomeBlock { Kind = HomeBlockKind.Section, SectionId = _news, Count = 1 },
            new HomeBlock { Kind = HomeBlockKind.Section, SectionId = _local, Count = 20 });

        var blocks = (await HomeAsync()).QuerySelectorAll(".home-block").ToList();

        Assert.Equal(["图片报道", "新闻中心", "地方动态"], blocks.Select(Heading));
        Assert.Equal(["图片新闻1", "图片新闻2"], Titles(blocks[0]));
        Assert.Equal(["最新新闻"], Titles(blocks[1]));
        Assert.Equal(["最新新闻"], Titles(blocks[2]));
        Assert.Equal("/xinwen/difang", blocks[2].QuerySelector("a.more")!.GetAttribute("href"));
        Assert.Equal(LocalDate(_now.AddDays(-2)), blocks[0].QuerySelector("li time")!.TextContent.Trim());
    }

    [Fact]
    public async Task TopicsAndQuickLinks_ShowTheirLinksInOrder_TopicImagesWithAltTextAndPublic()
    {
        await SetBlocksAsync(
            new HomeBlock
            {
                Kind = HomeBlockKind.Topics,
                Links =
                [
                    new HomeBlockLink { Label = "专题二", Url = "/tupian", SortOrder = 2 },
                    new HomeBlockLink { Label = "专题一", Url = "/xinwen", ImageId = _topicImage, AltText = "专题一横幅", SortOrder = 1 },
                ],
            },
            new HomeBlock
            {
                Kind = HomeBlockKind.QuickLinks,
                Links = [new HomeBlockLink { Label = "办事指南", Url = "/tongzhi", SortOrder = 0 }, new HomeBlockLink { Label = "政府信息公开", Url = "https://www.gov.cn/zhengce/", SortOrder = 1 }],
            });

        var blocks = (await HomeAsync()).QuerySelectorAll(".home-block").ToList();

        Assert.Equal(["专题专栏", "快捷链接"], blocks.Select(Heading));
        var topics = blocks[0].QuerySelectorAll("ul.topic-links > li > a").ToList();
        Assert.Equal(["/xinwen", "/tupian"], topics.Select(a => a.GetAttribute("href")));
        var image = topics[0].QuerySelector("img")!;
        Assert.Equal("专题一横幅", image.GetAttribute("alt"));
        Assert.Null(topics[1].QuerySelector("img"));
        Assert.Equal(["办事指南", "政府信息公开"], blocks[1].QuerySelectorAll("ul.quick-links > li > a").Select(a => a.TextContent.Trim()));

        // A reader may fetch the 专题 image: the home page uses it.
        using var reader = _factory.CreateClient();
        var response = await reader.GetAsync(image.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HomePage_EveryArticleItem_ShowsItsDate()
    {
        await SetBlocksAsync(
            new HomeBlock { Kind = HomeBlockKind.Headline },
            new HomeBlock { Kind = HomeBlockKind.PictureNews, Count = 5 },
            new HomeBlock { Kind = HomeBlockKind.Section, SectionId = _news, Count = 8 },
            new HomeBlock { Kind = HomeBlockKind.Section, SectionId = _pictures, Count = 8 });

        var document = await HomeAsync();
        var items = document.QuerySelectorAll(".home-block .article-list li, .home-block .picture-grid li, .home-block .headline").ToList();

        Assert.Equal(1 + 5 + 2 + 8, items.Count);
        Assert.All(items, item => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", item.QuerySelector("time")?.TextContent.Trim() ?? ""));
    }

    [Fact]
    public async Task HomePage_RunsAtMostOneQueryPerBlockType_WhateverTheNumberOfBlocks()
    {
        await SetBlocksAsync(new HomeBlock { Kind = HomeBlockKind.QuickLinks, Links = [new HomeBlockLink { Label = "中国政府网", Url = "https://www.gov.cn/" }] });
        var baseline = await CommandsOfHomeAsync();

        await SetBlocksAsync(
            new HomeBlock { Kind = HomeBlockKind.Headline },
            new HomeBlock { Kind = HomeBlockKind.PictureNews, Count = 5 },
            new HomeBlock { Kind = HomeBlockKind.Section, SectionId = _news, Count = 8 },
            new HomeBlock { Kind = HomeBlockKind.Section, SectionId = _pictures, Count = 3 },
            new HomeBlock { Kind = HomeBlockKind.Section, SectionId = _local, Count = 5 },
            new HomeBlock { Kind = HomeBlockKind.Section, SectionId = _notices, Count = 5 },
            new HomeBlock { Kind = HomeBlockKind.Topics, Links = [new HomeBlockLink { Label = "专题", Url = "/xinwen", ImageId = _topicImage, AltText = "专题图" }] },
            new HomeBlock { Kind = HomeBlockKind.PictureNews, Count = 3 },
            new HomeBlock { Kind = HomeBlockKind.QuickLinks, Links = [new HomeBlockLink { Label = "中国政府网", Url = "https://www.gov.cn/" }] });
        var all = await CommandsOfHomeAsync();

        Assert.True(baseline.Count > 0, "no command was counted: the counter does not see the request");
        Assert.Single(baseline, c => c.Contains(HomePageBuilder.BlocksTag, StringComparison.Ordinal));
        Assert.Single(all, c => c.Contains(HomePageBuilder.BlocksTag, StringComparison.Ordinal));
        Assert.Single(all, c => c.Contains(HomePageBuilder.HeadlineTag, StringComparison.Ordinal));
        Assert.Single(all, c => c.Contains(HomePageBuilder.PictureNewsTag, StringComparison.Ordinal));

        // Everything else the page runs (menu, footer…) is the same; the nine blocks add three:
        // 头条, 图片新闻 and one query for all four 栏目 blocks.
        Assert.Equal(baseline.Count + 3, all.Count);
    }

    private async Task<IReadOnlyList<string>> CommandsOfHomeAsync()
    {
        using var client = _factory.CreateClient();
        await client.GetAsync("/"); // warm: the first request of a host loads what later ones reuse

        // EF Core looks again whether anyone listens to its events after its logging cache time (1 s).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        return await CommandCounter.CountAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode));
    }

    private async Task<IDocument> HomeAsync()
    {
        var (response, document) = await _factory.GetDocumentAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    /// <summary>Replaces the home page's blocks with <paramref name="blocks"/>, in order (none: the default layout).</summary>
    private Task<int> SetBlocksAsync(params HomeBlock[] blocks) =>
        _factory.WithDbAsync(async db =>
        {
            await db.HomeBlocks.ExecuteDeleteAsync();
            for (var i = 0; i < blocks.Length; i++)
            {
                blocks[i].SortOrder = i;
                blocks[i].UpdatedAt = _now;
            }

            db.HomeBlocks.AddRange(blocks);
            return await db.SaveChangesAsync();
        });

    private string LocalDate(DateTime utc) =>
        _factory.Services.GetRequiredService<SiteClock>().ToLocal(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Heading(IElement block) => block.QuerySelector("h2")!.TextContent.Trim();

    private static List<string> Titles(IElement block) => block.QuerySelectorAll(".article-list li > a").Select(a => a.TextContent.Trim()).ToList();

    private static string StoredName(int i) => i.ToString("x32", CultureInfo.InvariantCulture) + ".png";

    private static MediaFile Image(int i, string? alt) => new()
    {
        StoredName = StoredName(i),
        OriginalName = $"图片{i}.png",
        ContentType = "image/png",
        Kind = MediaKind.Image,
        Length = 68,
        Width = 1,
        Height = 1,
        AltText = alt,
        UploadedAt = TestContent.Epoch,
    };
}
