using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Audit;
using Portal.Core.Sections;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>栏目管理 through the admin pages, checked on the public site.</summary>
public sealed class SectionAdminTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    private static Dictionary<string, string> Form(string name, string label, string slug, int? parentId, bool showInMenu = true, string description = "", string keywords = "") => new()
    {
        ["Input.Name"] = name,
        ["Input.MenuLabel"] = label,
        ["Input.Slug"] = slug,
        ["Input.ParentId"] = parentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Input.ShowInMenu"] = showInMenu ? "true" : "false",
        ["Input.Description"] = description,
        ["Input.Keywords"] = keywords,
    };

    private async Task<int> CreateAsync(string name, string label, string slug, int? parentId = null)
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", Form(name, label, slug, parentId));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await fixture.WithDbAsync(db => db.Sections.Where(s => s.Slug == slug && s.ParentId == parentId).Select(s => s.Id).SingleAsync());
    }

    private async Task AssertRedirectAsync(string from, string to)
    {
        var response = await fixture.Reader.GetAsync(from);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(to, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SlugChange_OldPathsOfSectionAndChild_RedirectPermanentlyToNewOnes()
    {
        var parent = await CreateAsync("政策文件", "政策", "zhengce");
        await CreateAsync("规范性文件", "规范性文件", "guifan", parent);

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{parent}", Form("政策文件", "政策", "policy", null));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertRedirectAsync("/zhengce?page=1", "/policy?page=1");
        await AssertRedirectAsync("/zhengce/guifan", "/policy/guifan");
        await AssertRedirectAsync("/ZhengCe/guifan/", "/policy/guifan");
        await AssertRedirectAsync("/zhengce/guifan/rss.xml", "/policy/guifan/rss.xml");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Reader.GetAsync("/policy/guifan")).StatusCode);
        var audit = await fixture.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.SectionChange && a.TargetId == parent.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Details).ToListAsync());
        Assert.Contains(audit, d => d!.Contains("/zhengce → /policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Move_ToAnotherParent_OldPathsRedirectAndSlugMayReturn()
    {
        var news = await CreateAsync("新闻中心", "新闻", "xinwen");
        var notices = await CreateAsync("通知公告", "公告", "gonggao");
        await CreateAsync("招聘", "招聘", "zhaopin", notices);

        var moved = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{notices}", Form("通知公告", "公告", "gonggao", news));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await AssertRedirectAsync("/gonggao", "/xinwen/gonggao");
        await AssertRedirectAsync("/gonggao/zhaopin", "/xinwen/gonggao/zhaopin");

        // Moving it back makes the old address live again instead of redirecting in a loop.
        await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{notices}", Form("通知公告", "公告", "gonggao", null));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Reader.GetAsync("/gonggao")).StatusCode);
        await AssertRedirectAsync("/xinwen/gonggao/zhaopin", "/gonggao/zhaopin");
    }

    [Fact]
    public async Task Move_UnderItsOwnChild_IsRefusedInChinese()
    {
        var top = await CreateAsync("机构概况", "机构", "jigou");
        var child = await CreateAsync("领导信息", "领导", "lingdao", top);

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{top}", Form("机构概况", "机构", "jigou", child));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Contains("下级栏目", document.QuerySelector("[data-valmsg-for='Input.ParentId']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await fixture.WithDbAsync(db => db.Sections.Where(s => s.Id == top).Select(s => s.ParentId).SingleAsync()));
    }

    [Theory]
    [InlineData("Bad Slug")]
    [InlineData("admin")]
    [InlineData("media")]
    [InlineData("search")]
    [InlineData("rss")]
    [InlineData("rss.xml")]
    [InlineData("sitemap.xml")]
    [InlineData("robots.txt")]
    public async Task Create_InvalidOrReservedSlug_IsRefused(string slug)
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", Form("某栏目", "某栏目", slug, null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("[data-valmsg-for='Input.Slug']")!.TextContent));
    }

    [Fact]
    public async Task Create_DuplicateTopLevelSlug_IsRefused()
    {
        await CreateAsync("互动交流", "互动", "hudong");

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", Form("互动", "互动", "hudong", null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await fixture.WithDbAsync(db => db.Sections.CountAsync(s => s.Slug == "hudong")));
    }

    [Fact]
    public async Task Hide_Section_LeavesMenuButPageStays()
    {
        var id = await CreateAsync("专题专栏", "专题菜单", "zhuanti");
        var (_, before) = await fixture.Factory.GetDocumentAsync("/");
        Assert.Contains("专题菜单", before.QuerySelector("nav.main-nav")!.TextContent, StringComparison.Ordinal);

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/visibility/{id}", new Dictionary<string, string> { ["show"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await fixture.Factory.GetDocumentAsync("/");
        Assert.DoesNotContain("专题菜单", after.QuerySelector("nav.main-nav")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Reader.GetAsync("/zhuanti")).StatusCode);
    }

    [Fact]
    public async Task Reorder_Up_SwapsSiblingsInMenu()
    {
        await CreateAsync("甲栏目", "甲甲", "jia");
        var second = await CreateAsync("乙栏目", "乙乙", "yi");

        await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/reorder/{second}", new Dictionary<string, string> { ["offset"] = "-1" });

        var (_, home) = await fixture.Factory.GetDocumentAsync("/");
        var labels = home.QuerySelectorAll("nav.main-nav a").Select(a => a.TextContent.Trim()).ToList();
        Assert.True(labels.IndexOf("乙乙") < labels.IndexOf("甲甲"), string.Join(",", labels));
    }

    [Theory]
    [InlineData("/admin/sections/create")]
    [InlineData("/admin/settings")]
    [InlineData("/admin/footerlinks/creategroup")]
    public async Task Editor_AdminOnlyPosts_AreForbidden(string url)
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Editor, url, new Dictionary<string, string>
        {
            ["Input.Name"] = "编辑建的",
            ["Input.MenuLabel"] = "编辑建的",
            ["Input.Slug"] = "by-editor",
            ["Input.SiteName"] = "编辑改的",
            ["Name"] = "编辑建的",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await fixture.WithDbAsync(db => db.Sections.AnyAsync(s => s.Slug == "by-editor")));
    }

    [Theory]
    [InlineData("/admin/sections")]
    [InlineData("/admin/settings")]
    [InlineData("/admin/footerlinks")]
    public async Task Editor_AdminOnlyPages_AreForbidden(string url) =>
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Editor.GetAsync(url)).StatusCode);

    [Fact]
    public async Task Xss_SectionNamesAndMenuLabels_AreEscapedOnPublicPages()
    {
        var slugs = new List<string>();
        for (var i = 0; i < XssAssert.Payloads.Count; i++)
        {
            var payload = XssAssert.Payloads[i];
            var slug = $"xss-{i}";
            await CreateAsync(payload, payload.Length > 50 ? payload[..50] : payload, slug);
            slugs.Add(slug);
        }

        foreach (var url in slugs.Select(s => "/" + s).Prepend("/sitemap").Prepend("/"))
        {
            var (response, document) = await fixture.Factory.GetDocumentAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            XssAssert.NoActiveContent(document);
        }

        var (_, home) = await fixture.Factory.GetDocumentAsync("/");
        Assert.Contains("<script>alert(1)</script>", home.QuerySelector("nav.main-nav")!.TextContent, StringComparison.Ordinal);
        var (_, admin) = await fixture.Factory.GetDocumentAsync("/admin/sections", fixture.Admin);
        XssAssert.NoActiveContent(admin);
    }

    [Fact]
    public async Task Delete_SectionAnEditorIsLimitedTo_IsRefusedSoTheEditorGainsNoRights()
    {
        var section = await CreateAsync("临时专栏", "临时", "linshi");
        var editorId = await fixture.WithDbAsync(db => db.Users.Where(u => u.UserName == "site-editor").Select(u => u.Id).SingleAsync());
        await fixture.WithDbAsync(db =>
        {
            db.UserSections.Add(new Portal.Core.Accounts.UserSection { UserId = editorId, SectionId = section });
            return db.SaveChangesAsync();
        });

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/delete/{section}", []);

        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await fixture.WithDbAsync(db => db.Sections.AnyAsync(s => s.Id == section)));
        Assert.True(await fixture.WithDbAsync(db => db.UserSections.AnyAsync(u => u.UserId == editorId && u.SectionId == section)));
    }

    [Fact]
    public async Task Form_ShowsDescriptionAndKeywordsWithTheirLabels()
    {
        var (_, document) = await fixture.Factory.GetDocumentAsync("/admin/sections/create", fixture.Admin);

        Assert.Equal("栏目描述", document.QuerySelector("label[for='Input_Description']")!.TextContent.Trim());
        Assert.Equal("栏目关键词", document.QuerySelector("label[for='Input_Keywords']")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector("textarea[name='Input.Description']"));
        Assert.NotNull(document.QuerySelector("input[name='Input.Keywords']"));
    }

    [Fact]
    public async Task DescriptionAndKeywords_Saved_ReachTheListPageAndTheSectionFeed()
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create",
            Form("政策解读", "解读", "jiedu", null, description: " 对重要政策文件的解读。 ", keywords: "政策,解读"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (_, page) = await fixture.Factory.GetDocumentAsync("/jiedu");
        Assert.Equal("对重要政策文件的解读。", MetaContent(page, "ColumnDescription"));
        Assert.Equal("政策,解读", MetaContent(page, "ColumnKeywords"));
        Assert.Equal("对重要政策文件的解读。", MetaContent(page, "description"));
        var (_, feed) = await fixture.Factory.GetXmlAsync("/jiedu/rss.xml");
        Assert.Equal("对重要政策文件的解读。", (string?)feed.Root!.Element("channel")!.Element("description"));

        var (_, form) = await fixture.Factory.GetDocumentAsync($"/admin/sections/edit/{await IdAsync("jiedu")}", fixture.Admin);
        Assert.Equal("对重要政策文件的解读。", form.QuerySelector("textarea[name='Input.Description']")!.TextContent.Trim());
        Assert.Equal("政策,解读", form.QuerySelector("input[name='Input.Keywords']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task DescriptionAndKeywords_Changed_AreAuditedAndBlankMeansNone()
    {
        var id = await CreateAsync("人事信息", "人事", "renshi");

        await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{id}", Form("人事信息", "人事", "renshi", null, description: "任免和招录信息。", keywords: "人事"));
        var cleared = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{id}", Form("人事信息", "人事", "renshi", null, description: "  ", keywords: ""));

        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        var stored = await fixture.WithDbAsync(db => db.Sections.Where(s => s.Id == id).Select(s => new { s.Description, s.Keywords }).SingleAsync());
        Assert.Null(stored.Description);
        Assert.Null(stored.Keywords);
        var audit = await fixture.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.SectionChange && a.TargetId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).Select(a => a.Details!).ToListAsync());
        Assert.Contains(audit, d => d.Contains("栏目描述：（无） → 任免和招录信息。", StringComparison.Ordinal) && d.Contains("栏目关键词：（无） → 人事", StringComparison.Ordinal));
        Assert.Contains(audit, d => d.Contains("栏目描述：任免和招录信息。 → （无）", StringComparison.Ordinal));
        var (_, page) = await fixture.Factory.GetDocumentAsync("/renshi");
        Assert.Null(MetaContent(page, "ColumnDescription"));
        Assert.Null(MetaContent(page, "ColumnKeywords"));
    }

    [Theory]
    [InlineData("Input.Description", 301, "栏目描述")]
    [InlineData("Input.Keywords", 201, "栏目关键词")]
    public async Task Form_DescriptionOrKeywordsTooLong_IsRefusedBesideTheField(string field, int length, string label)
    {
        var form = Form("过长", "过长", $"toolong-{length}", null);
        form[field] = new string('字', length);

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Contains(label + "不能超过", document.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent, StringComparison.Ordinal);
        Assert.False(await fixture.WithDbAsync(db => db.Sections.AnyAsync(s => s.Slug == $"toolong-{length}")));
    }

    [Theory]
    [InlineData(301, 0, nameof(SectionChange.Description), "栏目描述不能超过 300 个字")]
    [InlineData(0, 201, nameof(SectionChange.Keywords), "栏目关键词不能超过 200 个字")]
    public async Task Service_DescriptionOrKeywordsTooLong_IsRefusedWithoutTheForm(int descriptionLength, int keywordsLength, string field, string message)
    {
        var change = new SectionChange("服务校验", "服务校验", $"service-{field.ToLowerInvariant()}", null, true,
            descriptionLength > 0 ? new string('字', descriptionLength) : null,
            keywordsLength > 0 ? new string('字', keywordsLength) : null);

        var result = await fixture.Factory.WithScopeAsync(services => services.GetRequiredService<SectionAdminService>().CreateAsync(change));

        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.False(await fixture.WithDbAsync(db => db.Sections.AnyAsync(s => s.Slug == change.Slug)));
    }

    private Task<int> IdAsync(string slug) => fixture.WithDbAsync(db => db.Sections.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());

    private static string? MetaContent(AngleSharp.Dom.IDocument document, string name) =>
        document.QuerySelectorAll("meta[name]").SingleOrDefault(m => m.GetAttribute("name") == name)?.GetAttribute("content");
}
