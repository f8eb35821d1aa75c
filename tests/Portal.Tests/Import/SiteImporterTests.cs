using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Import;

/// <summary>The seed folder imported once into an empty store: what the store then holds.</summary>
public class SiteImporterTests(SeededStoreFixture fixture) : IClassFixture<SeededStoreFixture>
{
    [Fact]
    public async Task ImportAsync_SeedIntoEmptyStore_SummaryCountsEveryStoredRowAsCreated()
    {
        var rows = await fixture.Factory.WithDbAsync(async db =>
            await db.Sections.CountAsync() + await db.Articles.CountAsync() + await db.FooterLinkGroups.CountAsync()
            + await db.FooterLinks.CountAsync() + await db.SiteSettings.CountAsync());

        Assert.Equal(Seeds.SeedRows, rows);
        Assert.Equal(new ImportSummary(Files: 1, Created: Seeds.SeedRows, Updated: 0, Unchanged: 0), fixture.FirstImport);
        Assert.Equal($"Imported 1 file(s): {Seeds.SeedRows} created, 0 updated, 0 unchanged.", fixture.FirstImport.ToString());
    }

    [Fact]
    public async Task ImportAsync_SeedIntoEmptyStore_TopLevelSectionsInMenuOrderWithMappedSlugs()
    {
        var top = await fixture.Factory.WithDbAsync(db =>
            db.Sections.AsNoTracking().Where(s => s.ParentId == null).OrderBy(s => s.SortOrder).ToListAsync());

        Assert.Equal(["机构", "新闻", "公开", "互动", "专题", "资料"], top.Select(s => s.MenuLabel));
        Assert.Equal(["jigou", "xinwen", "gongkai", "hudong", "zhuanti", "ziliao"], top.Select(s => s.Slug));
        Assert.Equal(["机构设置", "新闻中心", "政务公开", "互动交流", "专题专栏", "资料中心"], top.Select(s => s.Name));
        Assert.Equal([0, 1, 2, 3, 4, 5], top.Select(s => s.SortOrder));
        Assert.All(top, s => Assert.True(s.ShowInMenu));
    }

    [Fact]
    public async Task ImportAsync_SeedIntoEmptyStore_NewsHasFullNameAndLocalNewsChild()
    {
        var sections = await fixture.Factory.WithDbAsync(db => db.Sections.AsNoTracking().ToListAsync());

        Assert.Equal(7, sections.Count);
        var news = Assert.Single(sections, s => s.Slug == "xinwen");
        Assert.Equal("新闻中心", news.Name);
        Assert.Equal("新闻", news.MenuLabel);
        Assert.Null(news.ParentId);

        var local = Assert.Single(sections, s => s.ParentId is not null);
        Assert.Equal(news.Id, local.ParentId);
        Assert.Equal("地方动态", local.Name);
        Assert.Equal("地方动态", local.MenuLabel);
        Assert.Equal("difang", local.Slug);
        Assert.Equal(0, local.SortOrder);
        Assert.DoesNotContain(sections, s => s.ParentId == local.Id);
    }

    [Fact]
    public async Task ImportAsync_SeedIntoEmptyStore_OnePublishedArticleInLocalNews()
    {
        var (article, sectionSlug) = await fixture.Factory.WithDbAsync(async db =>
        {
            var a = await db.Articles.AsNoTracking().SingleAsync();
            var slug = await db.Sections.Where(s => s.Id == a.SectionId).Select(s => s.Slug).SingleAsync();
            return (a, slug);
        });

        Assert.Equal("difang", sectionSlug);
        Assert.Equal("新疆吐鲁番市：融心、融情、融亲、融力促创建", article.Title);
        Assert.Equal("新疆维吾尔自治区民委", article.Source);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(string.Join("\n\n", SeedPage.Paragraphs), article.BodyMarkdown);

        // 2023-11-21 00:00 in Asia/Shanghai (UTC+8) is 2023-11-20 16:00 UTC.
        Assert.Equal(new DateTime(2023, 11, 20, 16, 0, 0, DateTimeKind.Utc), article.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, article.PublishedAt.Kind);

        Assert.NotNull(article.ImportKey);
        Assert.Matches("^[0-9a-f]{64}$", article.ImportKey);
        Assert.Equal(article.ImportKey[..12], article.UrlKey);
        Assert.Equal(article.CreatedAt, article.UpdatedAt);
    }

    [Fact]
    public async Task ImportAsync_SeedIntoEmptyStore_BodyHtmlHasEachParagraphInItsOwnParagraphElement()
    {
        var html = await fixture.Factory.WithDbAsync(db => db.Articles.Select(a => a.BodyHtml).SingleAsync());

        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var blocks = document.Body!.Children;
        Assert.All(blocks, e => Assert.Equal("P", e.TagName));
        Assert.Equal(SeedPage.Paragraphs, blocks.Select(p => p.TextContent));
    }

    [Fact]
    public async Task ImportAsync_SeedIntoEmptyStore_FooterGroupsWithMappedAddressesOrNull()
    {
        var groups = await fixture.Factory.WithDbAsync(db =>
            db.FooterLinkGroups.AsNoTracking().Include(g => g.Links).OrderBy(g => g.SortOrder).ToListAsync());

        Assert.Equal(["相关链接", "网站服务"], groups.Select(g => g.Name));

        var related = groups[0].Links.OrderBy(l => l.SortOrder).Select(l => (l.Text, l.Url, l.SortOrder));
        Assert.Equal(
            [
                ("中央统战部", "https://www.zytzb.gov.cn/", 0),
                ("中国政府网", "https://www.gov.cn/", 1),
                ("国务院部门", null, 2),
                ("地方政府", null, 3),
                ("直属单位", null, 4),
                ("地方民委", null, 5),
                ("放管服改革专项督查", null, 6),
            ],
            related);

        var service = groups[1].Links.OrderBy(l => l.SortOrder).Select(l => (l.Text, l.Url, l.SortOrder));
        Assert.Equal([("联系我们", "/contact", 0), ("网站地图", "/sitemap", 1)], service);

        // The capture's "#" placeholders never become addresses.
        Assert.DoesNotContain(groups.SelectMany(g => g.Links), l => l.Url == "#");
    }

    [Fact]
    public async Task ImportAsync_SeedIntoEmptyStore_SiteSettingsFromFooterAndMapping()
    {
        var settings = await fixture.Factory.WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());

        Assert.Equal(1, settings.Id);
        Assert.Equal("国家民族事务委员会", settings.SiteName);
        Assert.Equal("中华人民共和国国家民族事务委员会", settings.Sponsor);
        Assert.Equal("中华人民共和国国家民族事务委员会", settings.CopyrightHolder);
        Assert.Equal("京ICP备05048973号", settings.IcpNumber);
        Assert.Equal("京公网安备 11040102700045号", settings.PublicSecurityNumber);
        Assert.Null(settings.SiteCode);
        Assert.Equal("北京市西城区复兴门内大街甲49号", settings.Address);
        Assert.Equal("100800", settings.Postcode);
        Assert.Equal("国家民委舆情中心", settings.Maintainer);
        Assert.Equal("政府网站找错", settings.ErrorReportLabel);
        Assert.Equal("官方微信", settings.WeChatLabel);
    }
}
