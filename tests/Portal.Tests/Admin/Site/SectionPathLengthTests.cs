using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>A section's whole path, and every path below it, must fit the redirect column.</summary>
public sealed class SectionPathLengthTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    private static Dictionary<string, string> Form(string name, string slug, int? parentId) => new()
    {
        ["Input.Name"] = name,
        ["Input.MenuLabel"] = name,
        ["Input.Slug"] = slug,
        ["Input.ParentId"] = parentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Input.ShowInMenu"] = "true",
    };

    private static string Slug(char letter, int length) => new(letter, length);

    private async Task<int> CreateAsync(string name, string slug, int? parentId = null)
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", Form(name, slug, parentId));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await fixture.WithDbAsync(db => db.Sections.Where(s => s.Slug == slug && s.ParentId == parentId).Select(s => s.Id).SingleAsync());
    }

    private static async Task AssertPathErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Contains($"不能超过 {FieldLengths.SectionPath} 个字符", document.QuerySelector("[data-valmsg-for='Input.Slug']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PathLongerThanColumn_RefusedInChineseAndNothingStored()
    {
        var top = await CreateAsync("长路径一", Slug('a', FieldLengths.Slug));
        var middle = await CreateAsync("长路径二", Slug('b', FieldLengths.Slug), top);

        // 100 + 1 + 100 + 1 + 99 = 301 characters.
        var tooLong = Slug('c', FieldLengths.SectionPath - 2 * FieldLengths.Slug - 1);
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/sections/create", Form("长路径三", tooLong, middle));

        await AssertPathErrorAsync(response);
        Assert.False(await fixture.WithDbAsync(db => db.Sections.AnyAsync(s => s.Slug == tooLong)));

        // One character less fits exactly.
        await CreateAsync("长路径三", tooLong[1..], middle);
    }

    [Fact]
    public async Task Move_DescendantPathWouldBeTooLong_RefusedInChineseAndNothingChanged()
    {
        var moving = await CreateAsync("移动一", Slug('d', FieldLengths.Slug));
        await CreateAsync("移动二", Slug('e', FieldLengths.Slug), moving);
        var target = await CreateAsync("目标", Slug('f', FieldLengths.SectionPath - 2 * FieldLengths.Slug - 1));

        // The section's own new path fits (99 + 1 + 100); its child's (301) does not.
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/sections/edit/{moving}", Form("移动一", Slug('d', FieldLengths.Slug), target));

        await AssertPathErrorAsync(response);
        Assert.Null(await fixture.WithDbAsync(db => db.Sections.Where(s => s.Id == moving).Select(s => s.ParentId).SingleAsync()));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.SectionRedirects.CountAsync()));
    }
}
