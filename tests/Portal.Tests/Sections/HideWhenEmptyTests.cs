using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Tests.Sections;

/// <summary>
/// 无内容时不显示: while a section set so has no visible article (in itself or below), the menu,
/// the 网站地图 and sitemap.xml leave it out and its address still answers; the state follows the
/// clock; reading the tree costs one more query only when some section is set so.
/// </summary>
public sealed class HideWhenEmptyTests(SectionTypesFixture fixture) : IClassFixture<SectionTypesFixture>
{
    [Fact]
    public async Task On_EmptySection_LeftOutOfMenuSiteMapAndSitemapXml_AddressStillAnswers()
    {
        await fixture.CreateSectionAsync(SectionTypesFixture.Form("隐藏空栏目", "hide-on", "List", hideWhenEmpty: true));

        Assert.DoesNotContain("隐藏空栏目", (await fixture.MenuAsync()).Keys);
        Assert.DoesNotContain("隐藏空栏目", (await fixture.SiteMapAsync()).Keys);
        Assert.DoesNotContain("/hide-on", await fixture.SitemapXmlPathsAsync());
        var (response, page) = await fixture.ReadAsync("/hide-on");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("隐藏空栏目", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Off_EmptySection_ShownEverywhere()
    {
        await fixture.CreateSectionAsync(SectionTypesFixture.Form("显示空栏目", "hide-off", "List", hideWhenEmpty: false));

        Assert.Equal("/hide-off", (await fixture.MenuAsync())["显示空栏目"]);
        Assert.Equal("/hide-off", (await fixture.SiteMapAsync())["显示空栏目"]);
        Assert.Contains("/hide-off", await fixture.SitemapXmlPathsAsync());
    }

    [Fact]
    public async Task On_SwitchedOffThroughTheForm_SectionReturns()
    {
        var id = await fixture.CreateSectionAsync(SectionTypesFixture.Form("可切换栏目", "hide-toggle", "Interaction", hideWhenEmpty: true));
        Assert.DoesNotContain("可切换栏目", (await fixture.MenuAsync()).Keys);

        await SectionTypesFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{id}", SectionTypesFixture.Form("可切换栏目", "hide-toggle", "Interaction", hideWhenEmpty: false));

        Assert.Contains("可切换栏目", (await fixture.MenuAsync()).Keys);
    }

    [Fact]
    public async Task On_DraftsAndBinnedArticlesDoNotCount_AVisibleOneInASubsectionDoes()
    {
        var parent = await fixture.CreateSectionAsync(SectionTypesFixture.Form("父栏目", "hide-parent", "List", hideWhenEmpty: true));
        var child = await fixture.CreateSectionAsync(SectionTypesFixture.Form("子栏目", "hide-child", "List", hideWhenEmpty: true, parentId: parent));
        await fixture.AddArticleAsync(parent, "hidedraft001", "草稿", fixture.Now.AddDays(-1), ArticleStatus.Draft);
        var binned = await fixture.AddArticleAsync(child, "hidebinned01", "已删除", fixture.Now.AddDays(-1));
        await fixture.Factory.WithDbAsync(db => db.Articles.Where(a => a.UrlKey == binned).ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedAt, fixture.Now)));

        Assert.DoesNotContain("父栏目", (await fixture.MenuAsync()).Keys);
        Assert.DoesNotContain("子栏目", (await fixture.SiteMapAsync()).Keys);

        await fixture.AddArticleAsync(child, "hidechild001", "子栏目文章", fixture.Now.AddDays(-1));

        Assert.Equal("/hide-parent", (await fixture.MenuAsync())["父栏目"]);
        var map = await fixture.SiteMapAsync();
        Assert.Equal(("/hide-parent", "/hide-parent/hide-child"), (map["父栏目"], map["子栏目"]));
        Assert.Contains("/hide-parent/hide-child", await fixture.SitemapXmlPathsAsync());
    }

    [Fact]
    public async Task ScheduledArticle_SectionAppearsWhenItsTimeComes()
    {
        var id = await fixture.CreateSectionAsync(SectionTypesFixture.Form("定时栏目", "hide-scheduled", "List", hideWhenEmpty: true));
        await fixture.AddArticleAsync(id, "hidesched001", "定时发布的文章", fixture.Now.AddMinutes(1));

        Assert.DoesNotContain("定时栏目", (await fixture.MenuAsync()).Keys);
        Assert.DoesNotContain("/hide-scheduled", await fixture.SitemapXmlPathsAsync());

        // Minutes, not hours: the class's staff sessions live on the same clock.
        fixture.Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal("/hide-scheduled", (await fixture.MenuAsync())["定时栏目"]);
        Assert.Equal("/hide-scheduled", (await fixture.SiteMapAsync())["定时栏目"]);
        Assert.Contains("/hide-scheduled", await fixture.SitemapXmlPathsAsync());
    }

    [Fact]
    public async Task ReaderTree_OneQueryWhileNoSectionHides_OneMoreWhenOneDoes()
    {
        var (plain, plainTree) = await CountReaderTreeQueriesAsync(setHidden: false);
        Assert.Equal(1, plain);
        Assert.All(plainTree.Roots.SelectMany(SectionTree.SelfAndDescendants), n => Assert.False(n.HiddenWhileEmpty));

        var (hiding, hidingTree) = await CountReaderTreeQueriesAsync(setHidden: true);
        Assert.Equal(2, hiding);
        Assert.True(hidingTree.FindByPath("count-hidden")!.HiddenWhileEmpty);
    }

    /// <summary>
    /// Reads the reader tree through <see cref="SiteContext"/> on a store with one section (set
    /// 无内容时不显示 or not), counting the commands its context sends.
    /// </summary>
    private static async Task<(int Commands, SectionTree Tree)> CountReaderTreeQueriesAsync(bool setHidden)
    {
        await using var factory = Infrastructure.PortalFactory.Empty();
        await factory.WithDbAsync(db =>
        {
            var section = Infrastructure.TestContent.Section("计数栏目", "计数", "count-hidden");
            section.HideWhenEmpty = setHidden;
            db.Sections.Add(section);
            return db.SaveChangesAsync();
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<PortalDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>())
            .AddInterceptors(counter)
            .Options;
        await using var db = new PortalDbContext(options);
        var site = new SiteContext(db, TimeProvider.System);

        var tree = await site.GetSectionsAsync();
        var again = await site.GetSectionsAsync();

        Assert.Same(tree, again);
        return (counter.Count, tree);
    }

    /// <summary>Counts the commands a context executes.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }
    }
}
