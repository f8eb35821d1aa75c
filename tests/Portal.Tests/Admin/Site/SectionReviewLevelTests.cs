using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Sections;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>审核级数 on the section form: offered, stored, shown in the list, refused out of range, audited.</summary>
public sealed class SectionReviewLevelTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    private static Dictionary<string, string> Form(string name, string slug, string? levels)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.MenuLabel"] = name,
            ["Input.Slug"] = slug,
            ["Input.ParentId"] = "",
            ["Input.ShowInMenu"] = "true",
        };
        if (levels is not null)
        {
            form["Input.ReviewLevels"] = levels;
        }

        return form;
    }

    private Task<Section?> SectionAsync(string slug) => fixture.WithDbAsync(db => db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug));

    [Fact]
    public async Task CreateForm_OffersTheFourLevels_OneSelected()
    {
        var (_, page) = await fixture.Factory.GetDocumentAsync("/admin/sections/create", fixture.Admin);

        var options = page.QuerySelectorAll("select[name='Input.ReviewLevels'] option").ToList();
        Assert.Equal(["0", "1", "2", "3"], options.Select(o => o.GetAttribute("value")));
        Assert.Equal(
            ["不审核（审核人员可直接发布本人修改，适用于小型单位）", "一级审核（默认）", "二级审核：初审 → 终审", "三级审核：初审 → 复审 → 终审"],
            options.Select(o => o.TextContent.Trim()));
        Assert.Equal("1", Assert.Single(options, o => o.HasAttribute("selected")).GetAttribute("value"));
        Assert.Equal("审核级数", page.QuerySelector("label[for='Input_ReviewLevels']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Create_WithoutAChoice_DefaultsToOne_AndWithThree_StoresAndListsIt()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", Form("默认级数", "levels-default", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", Form("三审栏目", "levels-three", "3"))).StatusCode);

        Assert.Equal(1, (await SectionAsync("levels-default"))!.ReviewLevels);
        var three = (await SectionAsync("levels-three"))!;
        Assert.Equal(3, three.ReviewLevels);
        var (_, list) = await fixture.Factory.GetDocumentAsync("/admin/sections", fixture.Admin);
        var row = list.QuerySelectorAll("table.section-tree tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == "三审栏目");
        Assert.Contains(row.QuerySelectorAll("td"), td => td.TextContent.Trim() == "三级审核");
        var (_, form) = await fixture.Factory.GetDocumentAsync($"/admin/sections/edit/{three.Id}", fixture.Admin);
        Assert.Equal("3", form.QuerySelector("select[name='Input.ReviewLevels'] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Edit_LevelsChanged_IsAuditedWithOldAndNewLevel()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", Form("小单位", "levels-small", "1"))).StatusCode);
        var id = (await SectionAsync("levels-small"))!.Id;

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{id}", Form("小单位", "levels-small", "0"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, (await SectionAsync("levels-small"))!.ReviewLevels);
        var details = await fixture.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.SectionChange && a.TargetId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());
        Assert.Equal("栏目“小单位”：审核级数：一级审核 → 不审核", details[^1]);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("99")]
    public async Task CreateAndEdit_OutOfRange_RefusedBesideTheField_NothingWritten(string levels)
    {
        var slug = "levels-bad" + levels.Replace("-", "m", StringComparison.Ordinal);
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", Form("越界", slug, levels));
        var page = await PortalFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SectionReviewLevels.InvalidMessage, page.QuerySelector("span[data-valmsg-for='Input.ReviewLevels']")?.TextContent.Trim());
        Assert.Null(await SectionAsync(slug));

        Assert.Equal(HttpStatusCode.Redirect, (await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", Form("越界前", slug, "2"))).StatusCode);
        var id = (await SectionAsync(slug))!.Id;
        var edit = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{id}", Form("越界后", slug, levels));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var kept = (await SectionAsync(slug))!;
        Assert.Equal((2, "越界前"), (kept.ReviewLevels, kept.Name));
    }

    [Fact]
    public async Task Editor_CannotChangeLevels()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", Form("受保护", "levels-guarded", "2"))).StatusCode);
        var id = (await SectionAsync("levels-guarded"))!.Id;

        var response = await SiteAdminFixture.PostAsync(fixture.Editor, $"/admin/sections/edit/{id}", Form("受保护", "levels-guarded", "0"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2, (await SectionAsync("levels-guarded"))!.ReviewLevels);
    }
}
