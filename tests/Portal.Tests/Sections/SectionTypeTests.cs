using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Sections;

/// <summary>栏目类型 through the admin section form, and each type as readers get it.</summary>
public sealed class SectionTypeTests(SectionTypesFixture fixture) : IClassFixture<SectionTypesFixture>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task CreateForm_OffersTheFourTypes_TheUpdateClasses_HideWhenEmptyAndLinkAddress()
    {
        var (_, page) = await fixture.Factory.GetDocumentAsync("/admin/sections/create", fixture.Admin);

        var kinds = page.QuerySelectorAll("input[type=radio][name='Input.Kind']").ToList();
        Assert.Equal(["List", "Page", "Link", "Interaction"], kinds.Select(k => k.GetAttribute("value")));
        Assert.Equal(["列表", "单页", "链接", "互动"], kinds.Select(k => k.ParentElement!.TextContent.Trim()));
        Assert.Equal("List", Assert.Single(kinds, k => k.HasAttribute("checked")).GetAttribute("value"));
        Assert.Equal(
            ["动态/要闻", "通知公告", "政策文件", "其他"],
            page.QuerySelectorAll("select[name='Input.UpdateClass'] option").Select(o => o.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("input[type=checkbox][name='Input.HideWhenEmpty']"));
        Assert.Equal("链接地址", page.QuerySelector("label[for='Input_LinkUrl']")?.TextContent.Trim());
    }

    [Fact]
    public async Task List_ThroughTheForm_ListsItsArticles_AndTheIndexShowsItsType()
    {
        var id = await fixture.CreateSectionAsync(SectionTypesFixture.Form("工作动态", "types-list", "List", "News"));
        var key = await fixture.AddArticleAsync(id, "typeslist001", "列表栏目的文章", fixture.Now.AddDays(-1));

        var (response, page) = await fixture.ReadAsync("/types-list");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("工作动态", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll(".section-content a"), a => a.GetAttribute("href") == "/articles/" + key);
        Assert.Equal("列表", await IndexTypeAsync("工作动态"));
    }

    [Fact]
    public async Task Interaction_ThroughTheForm_BehavesAsAList()
    {
        var id = await fixture.CreateSectionAsync(SectionTypesFixture.Form("互动交流", "types-interaction", "Interaction", "Notice"));
        var key = await fixture.AddArticleAsync(id, "typesint0001", "互动栏目的文章", fixture.Now.AddDays(-1));

        var (response, page) = await fixture.ReadAsync("/types-interaction");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.QuerySelectorAll(".section-content a"), a => a.GetAttribute("href") == "/articles/" + key);
        var stored = (await fixture.SectionAsync("types-interaction"))!;
        Assert.Equal((SectionKind.Interaction, SectionUpdateClass.Notice), (stored.Kind, stored.UpdateClass));
        Assert.Equal("互动", await IndexTypeAsync("互动交流"));
    }

    [Fact]
    public async Task Link_ThroughTheForm_MenuHrefIsTheAddress_AddressAnswers302_LeftOutOfSitemapXml()
    {
        await fixture.CreateSectionAsync(SectionTypesFixture.Form("政务服务", "types-link", "Link", linkUrl: "  https://zwfw.example.gov.cn/ban?x=1 "));

        var stored = (await fixture.SectionAsync("types-link"))!;
        Assert.Equal((SectionKind.Link, "https://zwfw.example.gov.cn/ban?x=1"), (stored.Kind, stored.LinkUrl));

        var (_, home) = await fixture.ReadAsync("/");
        var entry = home.QuerySelectorAll("nav.main-nav a").Single(a => a.TextContent.Trim() == "政务服务");
        Assert.Equal("https://zwfw.example.gov.cn/ban?x=1", entry.GetAttribute("href"));
        Assert.Null(entry.GetAttribute("target"));

        var (response, _) = await fixture.ReadAsync("/types-link");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://zwfw.example.gov.cn/ban?x=1", response.Headers.Location?.OriginalString);

        Assert.DoesNotContain("/types-link", await fixture.SitemapXmlPathsAsync());
        Assert.Equal("https://zwfw.example.gov.cn/ban?x=1", (await fixture.SiteMapAsync())["政务服务"]);
        Assert.Equal("链接", await IndexTypeAsync("政务服务"));
    }

    [Fact]
    public async Task Link_ToASitePath_MenuLinksToThePath()
    {
        await fixture.CreateSectionAsync(SectionTypesFixture.Form("联系方式", "types-link-path", "Link", linkUrl: "/contact"));

        Assert.Equal("/contact", (await fixture.MenuAsync())["联系方式"]);
        var (response, _) = await fixture.ReadAsync("/types-link-path");
        Assert.Equal((HttpStatusCode.Redirect, "/contact"), (response.StatusCode, response.Headers.Location?.OriginalString));
    }

    [Theory]
    [InlineData("types-link-zh", "https://政务.example.cn/政策?类=通知", "https://xn--zfr164b.example.cn/%E6%94%BF%E7%AD%96?%E7%B1%BB=%E9%80%9A%E7%9F%A5")]
    [InlineData("types-link-zh-path", "/路径/页面", "/%E8%B7%AF%E5%BE%84/%E9%A1%B5%E9%9D%A2")]
    public async Task Link_WithAChineseAddress_RedirectsWithItsAsciiForm(string slug, string url, string location)
    {
        await fixture.CreateSectionAsync(SectionTypesFixture.Form("中文链接" + slug.Length, slug, "Link", linkUrl: url));

        var (response, _) = await fixture.ReadAsync("/" + slug);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("", SectionKindRules.LinkRequiredMessage)]
    [InlineData("   ", SectionKindRules.LinkRequiredMessage)]
    [InlineData("#", LinkUrl.Rule)]
    [InlineData("javascript:alert(1)", LinkUrl.Rule)]
    [InlineData("//evil.example/", LinkUrl.Rule)]
    [InlineData("ftp://files.example.gov.cn/", LinkUrl.Rule)]
    public async Task Link_BadAddress_RefusedWithAChineseMessageBesideTheField_NothingWritten(string url, string message)
    {
        var slug = "types-bad-" + Math.Abs(url.GetHashCode(StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture);
        var response = await SectionTypesFixture.PostAsync(fixture.Admin, "/admin/sections/create", SectionTypesFixture.Form("坏链接", slug, "Link", linkUrl: url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalFactory.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("span[data-valmsg-for='Input.LinkUrl']")?.TextContent.Trim());
        Assert.Null(await fixture.SectionAsync(slug));

        // The same refusal on edit, and the section keeps its address.
        var id = await fixture.CreateSectionAsync(SectionTypesFixture.Form("好链接", slug, "Link", linkUrl: "https://www.gov.cn/"));
        var edit = await SectionTypesFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{id}", SectionTypesFixture.Form("好链接", slug, "Link", linkUrl: url));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(message, (await PortalFactory.ParseAsync(edit)).QuerySelector("span[data-valmsg-for='Input.LinkUrl']")?.TextContent.Trim());
        Assert.Equal("https://www.gov.cn/", (await fixture.SectionAsync(slug))!.LinkUrl);
    }

    [Fact]
    public async Task Create_UnknownType_RefusedInChinese()
    {
        var response = await SectionTypesFixture.PostAsync(fixture.Admin, "/admin/sections/create", SectionTypesFixture.Form("怪类型", "types-odd", "99"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalFactory.ParseAsync(response);
        // The model binder refuses a value outside the enum first, with its Chinese message.
        Assert.Equal("“99”无效。", page.QuerySelector("span[data-valmsg-for='Input.Kind']")?.TextContent.Trim());
        Assert.Null(await fixture.SectionAsync("types-odd"));
    }

    [Fact]
    public async Task ChangeOfType_KeepsTheArticles_AndIsAuditedWithOldAndNewType()
    {
        var id = await fixture.CreateSectionAsync(SectionTypesFixture.Form("机构职能", "types-change", "List", "Other", hideWhenEmpty: true));
        await fixture.AddArticleAsync(id, "typeschange1", "旧的一篇", fixture.Now.AddDays(-3));
        await fixture.AddArticleAsync(id, "typeschange2", "机构职能正文", fixture.Now.AddDays(-2));

        var response = await SectionTypesFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{id}", SectionTypesFixture.Form("机构职能", "types-change", "Page", "Other"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await fixture.SectionAsync("types-change"))!;
        Assert.Equal((SectionKind.Page, false), (stored.Kind, stored.HideWhenEmpty));
        Assert.Equal(2, await fixture.Factory.WithDbAsync(db => db.Articles.CountAsync(a => a.SectionId == id && a.DeletedAt == null)));
        var entries = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.TargetType == "section" && e.TargetId == Id(id)).OrderBy(e => e.Id).ToListAsync());
        var kindEntry = Assert.Single(entries, e => e.Action == AuditActions.SectionKindChange);
        Assert.Equal("栏目“机构职能”：栏目类型：列表 → 单页", kindEntry.Details);
        Assert.Equal("types-admin", kindEntry.UserName);
        Assert.Equal("栏目“机构职能”：无内容时不显示：是 → 否", entries[^1].Details);

        // Readers now get the newest article as the section's page; back to 列表 lists both again.
        var (_, page) = await fixture.ReadAsync("/types-change");
        Assert.Equal("机构职能正文", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("单页", await IndexTypeAsync("机构职能"));
        await SectionTypesFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{id}", SectionTypesFixture.Form("机构职能", "types-change", "List", "Other"));
        var (_, list) = await fixture.ReadAsync("/types-change");
        Assert.Equal(2, list.QuerySelectorAll(".section-content a[href^='/articles/']").Length);
        Assert.Equal(2, await fixture.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SectionKindChange && e.TargetId == Id(id))));
    }

    [Fact]
    public async Task Edit_WithoutChanges_WritesNoAuditEntry()
    {
        var id = await fixture.CreateSectionAsync(SectionTypesFixture.Form("不变栏目", "types-same", "Interaction", "Policy", hideWhenEmpty: true));
        var before = await fixture.Factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        await SectionTypesFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{id}", SectionTypesFixture.Form("不变栏目", "types-same", "Interaction", "Policy", hideWhenEmpty: true));

        Assert.Equal(before, await fixture.Factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        var (_, form) = await fixture.Factory.GetDocumentAsync($"/admin/sections/edit/{id}", fixture.Admin);
        Assert.Equal("Interaction", form.QuerySelector("input[name='Input.Kind'][checked]")?.GetAttribute("value"));
        Assert.Equal("Policy", form.QuerySelector("select[name='Input.UpdateClass'] option[selected]")?.GetAttribute("value"));
        Assert.True(form.QuerySelector("input[name='Input.HideWhenEmpty'][type=checkbox]")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Page_WithoutAnArticle_IsTheNormalNotFoundPage()
    {
        await fixture.CreateSectionAsync(SectionTypesFixture.Form("空单页", "types-page-empty", "Page"));

        var (response, page) = await fixture.ReadAsync("/types-page-empty");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (_, missing) = await fixture.ReadAsync("/no-such-section-anywhere");
        Assert.Equal(missing.QuerySelector("h1")?.TextContent, page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Page_EditPageContent_OpensTheEditor_ThePageGoesThroughReview_AndShowsAsAnArticleAtTheSectionAddress()
    {
        var id = await fixture.CreateSectionAsync(SectionTypesFixture.Form("单页栏目", "types-page", "Page"));

        // The row offers 编辑页面内容: a new article preselected in the section.
        var link = await PageContentLinkAsync("单页栏目");
        Assert.Equal($"/admin/articles/create?sectionId={id}", link);
        var (_, editor) = await fixture.Factory.GetDocumentAsync(link!, fixture.Admin);
        Assert.Equal(Id(id), editor.QuerySelector("select[name='Input.SectionId'] option[selected]")?.GetAttribute("value"));

        // A draft is not shown; submitted and published by a reviewer, it is.
        var articleId = await CreateAsync(fixture.Editor, ArticleForm("单页标题", id, "单页正文第一版", source: "办公厅"));
        Assert.Equal($"/admin/articles/edit/{articleId}", await PageContentLinkAsync("单页栏目"));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ReadAsync("/types-page")).Response.StatusCode);
        var article = await ArticleAsync(articleId);
        await PostAsync(fixture.Editor, $"/admin/articles/submit/{articleId}", V(article.Version));
        Assert.Equal(ArticleStatus.Submitted, (await ArticleAsync(articleId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.ReadAsync("/types-page")).Response.StatusCode);
        var (published, _) = await PostAsync(fixture.Reviewer, $"/admin/articles/publish/{articleId}", V((await ArticleAsync(articleId)).Version));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var (response, page) = await fixture.ReadAsync("/types-page");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("单页标题", Assert.Single(page.QuerySelectorAll("h1")).TextContent.Trim());
        Assert.Contains("单页正文第一版", page.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("来源：办公厅", page.QuerySelector(".article-source")?.TextContent.Trim());
        Assert.Equal("日期：2030-05-01", page.QuerySelector(".article-date")?.TextContent.Trim());
        Assert.Equal(3, page.QuerySelectorAll(".font-size-switch a").Length);
        Assert.Equal("http://localhost/types-page", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".article-neighbours"));
        Assert.Equal("单页", page.QuerySelector("meta[name=ColumnType]")?.GetAttribute("content"));
        Assert.Equal("单页标题", page.QuerySelector("meta[name=ArticleTitle]")?.GetAttribute("content"));
        Assert.Equal("page", page.QuerySelector("nav.main-nav a[href='/types-page']")?.GetAttribute("aria-current"));

        // A correction goes through review too: readers keep the live text until it is approved.
        var live = await ArticleAsync(articleId);
        await PostAsync(fixture.Editor, $"/admin/articles/edit/{articleId}", ArticleForm("单页标题", id, "单页正文第二版", live.Version, "submit", source: "办公厅"));
        Assert.Contains("单页正文第一版", (await fixture.ReadAsync("/types-page")).Document.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        await PostAsync(fixture.Reviewer, $"/admin/articles/publish/{articleId}", V((await ArticleAsync(articleId)).Version));
        Assert.Contains("单页正文第二版", (await fixture.ReadAsync("/types-page")).Document.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_BelowAList_ItsPageIsNotAnItemOfTheParentsListOrFeed()
    {
        var parent = await fixture.CreateSectionAsync(SectionTypesFixture.Form("机构概况", "types-org"));
        var child = await fixture.CreateSectionAsync(SectionTypesFixture.Form("机构职责", "types-org-duty", "Page", parentId: parent));
        await fixture.AddArticleAsync(parent, "types-org-news", "机构动态一则", fixture.Now.AddDays(-2));
        await fixture.AddArticleAsync(child, "types-org-page", "机构职能页面", fixture.Now.AddDays(-1));

        var (_, list) = await fixture.ReadAsync("/types-org");
        var (_, feed) = await fixture.ReadAsync("/types-org/rss.xml");

        Assert.Contains("机构动态一则", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("机构职能页面", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("机构职能页面", feed.Source.Text, StringComparison.Ordinal);
        Assert.Equal("机构职能页面", (await fixture.ReadAsync("/types-org/types-org-duty")).Document.QuerySelector("h1")?.TextContent.Trim());
    }

    private Task<Article> ArticleAsync(int id) =>
        fixture.Factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    private async Task<string?> IndexTypeAsync(string name)
    {
        var (_, list) = await fixture.Factory.GetDocumentAsync("/admin/sections", fixture.Admin);
        var header = list.QuerySelectorAll("table.section-tree thead th").Select(th => th.TextContent.Trim()).ToList();
        var row = list.QuerySelectorAll("table.section-tree tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == name);
        return row.QuerySelectorAll("td")[header.IndexOf("类型")].TextContent.Trim();
    }

    private async Task<string?> PageContentLinkAsync(string name)
    {
        var (_, list) = await fixture.Factory.GetDocumentAsync("/admin/sections", fixture.Admin);
        var row = list.QuerySelectorAll("table.section-tree tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == name);
        return row.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent.Trim() == "编辑页面内容")?.GetAttribute("href");
    }
}
