using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Home;
using Portal.Core.Media;
using Portal.Tests.Admin.Site;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Home;

/// <summary>
/// 首页布局 (/admin/home): add, edit, move and remove blocks, never the last; the default layout
/// saved by the first change in the same save as the change; links of 专题 and 快捷链接 under the
/// footer links' address rule; audit entries; a section in use cannot be deleted; administrators only.
/// The tests share one store and run one after another; each starts from the default layout.
/// </summary>
public sealed class HomeLayoutAdminTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>, IAsyncLifetime
{
    private int _news;
    private int _notices;

    public async Task InitializeAsync()
    {
        _news = await SectionAsync("新闻中心", "home-xinwen");
        _notices = await SectionAsync("通知公告", "home-tongzhi");
        await fixture.WithDbAsync(async db =>
        {
            await db.HomeBlocks.ExecuteDeleteAsync();
            return await db.AuditEntries.Where(e => e.Action == AuditActions.HomeChange).ExecuteDeleteAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_NoBlocks_ShowsTheDefaultLayoutAndAnAddForm()
    {
        var (response, document) = await fixture.Factory.GetDocumentAsync("/admin/home", fixture.Admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = document.QuerySelectorAll("tbody > tr").Select(r => r.Children[1].TextContent.Trim()).ToList();
        Assert.Equal("头条", rows[0]);
        Assert.True(rows.Count >= 3 && rows.Skip(1).All(k => k == "栏目"), string.Join(",", rows));
        Assert.Contains("默认布局", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("form[action='/admin/home/add'] select[name='Input.Kind']"));
        Assert.NotNull(document.QuerySelector("nav a[href='/admin/home']"));
    }

    [Fact]
    public async Task FirstChange_SavesTheDefaultLayoutAndTheChangeTogether()
    {
        var defaults = await DefaultCountAsync();

        // 下移 the 头条 (−1, the first default block): the layout is saved, then moved.
        var response = await PostAsync("/admin/home/move/-1", new() { ["offset"] = "1" });

        Assert.Equal("已下移。", await FlashAsync(response));
        var blocks = await BlocksAsync();
        Assert.Equal(defaults, blocks.Count);
        Assert.Equal(HomeBlockKind.Section, blocks[0].Kind);
        Assert.Equal(HomeBlockKind.Headline, blocks[1].Kind);
        Assert.All(blocks.Where(b => b.Kind == HomeBlockKind.Section), b => Assert.Equal(HomeBlockRules.DefaultSectionCount, b.Count));
        var audit = await AuditAsync();
        Assert.Equal(2, audit.Count);
        Assert.StartsWith("首页由默认布局保存为区块", audit[0], StringComparison.Ordinal);
        Assert.EndsWith("下移", audit[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstChange_ThirtyAtOnce_SaveTheDefaultLayoutOnce()
    {
        var defaults = await DefaultCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            PostAsync("/admin/home/add", Block(HomeBlockKind.QuickLinks, "并发" + Text(i), null, 0))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"answered {(int)r.StatusCode}"));
        var blocks = await BlocksAsync();
        var added = blocks.Count(b => b.Title?.StartsWith("并发", StringComparison.Ordinal) == true);
        Assert.InRange(added, 1, 30);
        Assert.Equal(defaults + added, blocks.Count);
        Assert.Single(blocks, b => b.Kind == HomeBlockKind.Headline);
        Assert.Single(await AuditAsync(), d => d.StartsWith("首页由默认布局保存为区块", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FirstChange_Refused_WritesNeitherTheDefaultLayoutNorTheChange()
    {
        var response = await PostAsync("/admin/home/edit/-2", new() { ["Input.SectionId"] = Text(_news), ["Input.Count"] = "99" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Contains("栏目区块显示的条数应在 1–20 之间。", document.QuerySelector("[data-valmsg-for='Input.Count']")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await BlocksAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Blocks_AddEditMoveRemove_EachSavedAuditedAndSaid()
    {
        var defaults = await DefaultCountAsync();

        Assert.Equal("已添加首页区块“通知栏”。", await FlashAsync(await PostAsync("/admin/home/add", Block(HomeBlockKind.Section, "通知栏", _notices, 5))));
        var added = (await BlocksAsync()).Last();
        Assert.Equal((HomeBlockKind.Section, "通知栏", (int?)_notices, 5, defaults), (added.Kind, added.Title, added.SectionId, added.Count, added.SortOrder));

        Assert.Equal("已保存首页区块“新闻栏”。", await FlashAsync(await PostAsync($"/admin/home/edit/{added.Id}", Block(HomeBlockKind.Section, "新闻栏", _news, 12))));
        var edited = (await BlocksAsync()).Single(b => b.Id == added.Id);
        Assert.Equal(("新闻栏", (int?)_news, 12), (edited.Title, edited.SectionId, edited.Count));

        Assert.Equal("已上移。", await FlashAsync(await PostAsync($"/admin/home/move/{added.Id}", new() { ["offset"] = "-1" })));
        Assert.Equal(defaults - 1, (await BlocksAsync()).FindIndex(b => b.Id == added.Id));
        Assert.Equal("已在最前，无法上移。", await FlashAsync(await PostAsync($"/admin/home/move/{(await BlocksAsync())[0].Id}", new() { ["offset"] = "-1" })));

        Assert.Equal("已添加首页区块“图片新闻”。", await FlashAsync(await PostAsync("/admin/home/add", Block(HomeBlockKind.PictureNews, null, _news, 4))));
        var pictures = (await BlocksAsync()).Last();
        Assert.Equal((HomeBlockKind.PictureNews, (int?)null, 4), (pictures.Kind, pictures.SectionId, pictures.Count));

        // Without a count, a block takes its kind's default.
        var fields = Block(HomeBlockKind.PictureNews, "不填条数", null, 0);
        fields["Input.Count"] = "";
        Assert.Equal("已添加首页区块“不填条数”。", await FlashAsync(await PostAsync("/admin/home/add", fields)));
        Assert.Equal(HomeBlockRules.MaxPictureCount, (await BlocksAsync()).Last().Count);

        Assert.Equal("首页区块“新闻栏”已删除。", await FlashAsync(await PostAsync($"/admin/home/delete/{added.Id}", [])));
        var left = await BlocksAsync();
        Assert.DoesNotContain(left, b => b.Id == added.Id);
        Assert.Equal(Enumerable.Range(0, left.Count), left.Select(b => b.SortOrder));

        var audit = await AuditAsync();
        string[] expected = ["首页由默认布局保存为区块", "新增首页区块：通知栏", "首页区块“通知栏”：", "首页区块“新闻栏”上移", "新增首页区块：图片新闻", "新增首页区块：不填条数", "删除首页区块：新闻栏"];
        Assert.Equal(expected.Length, audit.Count);
        Assert.All(expected.Zip(audit), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.Contains("条数：5 → 12", audit[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Section", "", "8", "请选择栏目区块要显示的栏目。")]
    [InlineData("Section", "news", "0", "栏目区块显示的条数应在 1–20 之间。")]
    [InlineData("PictureNews", "", "6", "图片新闻显示的条数应在 3–5 之间。")]
    [InlineData("Carousel", "", "5", "区块类型")]
    public async Task AddBlock_BadInput_RefusedInChineseAndNothingWritten(string kind, string section, string count, string message)
    {
        var response = await PostAsync("/admin/home/add", new()
        {
            ["Input.Kind"] = kind,
            ["Input.SectionId"] = section == "news" ? Text(_news) : "",
            ["Input.Count"] = count,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Contains(message, document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await BlocksAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task RemoveBlock_TheLastOne_IsRefusedInChinese()
    {
        await PostAsync("/admin/home/add", Block(HomeBlockKind.QuickLinks, null, null, 0));
        foreach (var block in (await BlocksAsync()).SkipLast(1))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync($"/admin/home/delete/{block.Id}", [])).StatusCode);
        }

        var last = Assert.Single(await BlocksAsync());
        var response = await PostAsync($"/admin/home/delete/{last.Id}", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("首页至少要保留一个区块", (await PortalFactory.ParseAsync(response)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await BlocksAsync());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("#")]
    [InlineData("")]
    [InlineData("//evil.example/x")]
    [InlineData("ftp://example.com/")]
    public async Task AddLink_BadAddress_RefusedInChineseAndNothingWritten(string url)
    {
        var block = await LinkBlockAsync(HomeBlockKind.QuickLinks);
        var before = (await AuditAsync()).Count;

        var response = await PostAsync($"/admin/home/addlink?blockId={block}", new() { ["Input.Label"] = "坏链接", ["Input.Url"] = url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Equal(HomeLayoutService.UrlRule, document.QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent.Trim());
        Assert.False(await fixture.WithDbAsync(db => db.HomeBlockLinks.AnyAsync()));
        Assert.Equal(before, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task TopicLink_WithoutImageOrAltText_IsRefused()
    {
        var block = await LinkBlockAsync(HomeBlockKind.Topics);
        var image = await ImageAsync();

        var noImage = await PostAsync($"/admin/home/addlink?blockId={block}", new() { ["Input.Label"] = "专题", ["Input.Url"] = "/zhuanti", ["Input.AltText"] = "专题图" });
        var noAlt = await PostAsync($"/admin/home/addlink?blockId={block}", new() { ["Input.Label"] = "专题", ["Input.Url"] = "/zhuanti", ["Input.ImageId"] = Text(image), ["Input.AltText"] = " " });

        Assert.Equal(HttpStatusCode.BadRequest, noImage.StatusCode);
        Assert.Contains("请从媒体库中选择专题链接的图片。", (await PortalFactory.ParseAsync(noImage)).QuerySelector("[data-valmsg-for='Input.ImageId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noAlt.StatusCode);
        Assert.Contains("请填写图片的替代文字", (await PortalFactory.ParseAsync(noAlt)).QuerySelector("[data-valmsg-for='Input.AltText']")!.TextContent, StringComparison.Ordinal);
        Assert.False(await fixture.WithDbAsync(db => db.HomeBlockLinks.AnyAsync()));
    }

    [Fact]
    public async Task Links_AddMoveEditRemove_ShownOnTheHomePageAndAudited()
    {
        var block = await LinkBlockAsync(HomeBlockKind.Topics);
        var image = await ImageAsync();

        Assert.Equal("已添加链接“专题一”。", await FlashAsync(await PostAsync($"/admin/home/addlink?blockId={block}", Link("专题一", "/zhuanti/a", image, "专题一横幅"))));
        Assert.Equal("已添加链接“专题二”。", await FlashAsync(await PostAsync($"/admin/home/addlink?blockId={block}", Link("专题二", "https://www.gov.cn/zhuanti/", image, "专题二横幅"))));
        var second = await LinkIdAsync("专题二");
        Assert.Equal("已上移。", await FlashAsync(await PostAsync($"/admin/home/movelink/{second}", new() { ["offset"] = "-1" })));
        Assert.Equal("已保存链接“专题二改”。", await FlashAsync(await PostAsync($"/admin/home/editlink/{second}", Link("专题二改", "https://www.gov.cn/zhuanti/", image, "新横幅"))));

        var (_, home) = await fixture.Factory.GetDocumentAsync("/");
        var links = home.QuerySelectorAll(".home-topics ul.topic-links a").ToList();
        Assert.Equal(["https://www.gov.cn/zhuanti/", "/zhuanti/a"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["新横幅", "专题一横幅"], links.Select(a => a.QuerySelector("img")!.GetAttribute("alt")));

        // The image is in use: the media library says where and will not delete it.
        var (_, mediaPage) = await fixture.Factory.GetDocumentAsync($"/admin/media", fixture.Admin);
        Assert.Contains("首页布局：专题链接", mediaPage.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal("链接“专题二改”已删除。", await FlashAsync(await PostAsync($"/admin/home/deletelink/{second}", [])));
        Assert.Equal(["专题一"], await fixture.WithDbAsync(db => db.HomeBlockLinks.Select(l => l.Label).ToListAsync()));
        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.StartsWith("首页区块“专题专栏”新增链接“专题一”", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.StartsWith("首页链接“专题二”上移", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.StartsWith("首页链接“专题二改”：文字：专题二 → 专题二改；替代文字：专题二横幅 → 新横幅", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.StartsWith("删除首页链接“专题二改”", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SectionDelete_WhileAHomeBlockUsesIt_IsRefusedInChinese()
    {
        var section = await SectionAsync("首页用栏目", "home-used");
        await PostAsync("/admin/home/add", Block(HomeBlockKind.Section, null, section, 8));

        var response = await PostAsync($"/admin/sections/delete/{section}", []);

        var document = await PortalFactory.ParseAsync(response);
        Assert.Contains("首页布局中有栏目区块使用此栏目", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.True(await fixture.WithDbAsync(db => db.Sections.AnyAsync(s => s.Id == section)));

        // Once the block is gone, the section can go.
        foreach (var block in (await BlocksAsync()).Where(b => b.SectionId == section))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync($"/admin/home/delete/{block.Id}", [])).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync($"/admin/sections/delete/{section}", [])).StatusCode);
        Assert.False(await fixture.WithDbAsync(db => db.Sections.AnyAsync(s => s.Id == section)));
    }

    [Fact]
    public async Task HomeLayout_NonAdministrator_IsForbiddenAndWritesNothing()
    {
        var page = await fixture.Editor.GetAsync("/admin/home");
        var fields = Block(HomeBlockKind.QuickLinks, null, null, 0);
        fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(fixture.Editor, "/admin/media");
        var post = await fixture.Editor.PostAsync("/admin/home/add", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(await BlocksAsync());
    }

    private Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> fields) => SiteAdminFixture.PostAsync(fixture.Admin, url, fields);

    /// <summary>The flash message of the page a successful post leads to.</summary>
    private async Task<string> FlashAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var (_, document) = await fixture.Factory.GetDocumentAsync(response.Headers.Location!.OriginalString, fixture.Admin);
        return document.QuerySelector(".admin-main > p.flash")?.TextContent.Trim() ?? "(no message)";
    }

    private async Task<int> DefaultCountAsync()
    {
        var (_, document) = await fixture.Factory.GetDocumentAsync("/admin/home", fixture.Admin);
        return document.QuerySelectorAll("tbody > tr").Length;
    }

    private Task<List<HomeBlock>> BlocksAsync() =>
        fixture.WithDbAsync(db => db.HomeBlocks.AsNoTracking().OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToListAsync());

    private Task<List<string>> AuditAsync() =>
        fixture.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.HomeChange).OrderBy(e => e.Id).Select(e => e.Details ?? "").ToListAsync());

    /// <summary>Adds a 专题 or 快捷链接 block through the form; returns its id.</summary>
    private async Task<int> LinkBlockAsync(HomeBlockKind kind)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("/admin/home/add", Block(kind, null, null, 0))).StatusCode);
        return (await BlocksAsync()).Last().Id;
    }

    private Task<int> LinkIdAsync(string label) => fixture.WithDbAsync(db => db.HomeBlockLinks.Where(l => l.Label == label).Select(l => l.Id).SingleAsync());

    private Task<int> SectionAsync(string name, string slug) =>
        fixture.WithDbAsync(async db =>
            await db.Sections.Where(s => s.Slug == slug).Select(s => (int?)s.Id).FirstOrDefaultAsync()
            ?? await TestContent.AddSectionAsync(fixture.Factory, name, name, slug));

    private Task<int> ImageAsync() =>
        fixture.WithDbAsync(async db =>
        {
            var existing = await db.MediaFiles.Where(m => m.OriginalName == "专题.png").Select(m => (int?)m.Id).FirstOrDefaultAsync();
            if (existing is { } id)
            {
                return id;
            }

            var image = new MediaFile { StoredName = new string('e', 32) + ".png", OriginalName = "专题.png", ContentType = "image/png", Kind = MediaKind.Image, Length = 68, UploadedAt = TestContent.Epoch };
            db.MediaFiles.Add(image);
            await db.SaveChangesAsync();
            return image.Id;
        });

    private static Dictionary<string, string> Block(HomeBlockKind kind, string? title, int? sectionId, int count) => new()
    {
        ["Input.Kind"] = kind.ToString(),
        ["Input.Title"] = title ?? "",
        ["Input.SectionId"] = sectionId is { } id ? Text(id) : "",
        ["Input.Count"] = Text(count),
    };

    private static Dictionary<string, string> Link(string label, string url, int image, string alt) => new()
    {
        ["Input.Label"] = label,
        ["Input.Url"] = url,
        ["Input.ImageId"] = Text(image),
        ["Input.AltText"] = alt,
    };

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
