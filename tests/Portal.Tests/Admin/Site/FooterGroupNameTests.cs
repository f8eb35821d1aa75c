using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>A refused 新建分组 or 改名 shows the name as typed, in the input it was typed into.</summary>
public sealed class FooterGroupNameTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    private async Task<int> CreateGroupAsync(string name)
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/footerlinks/creategroup", new Dictionary<string, string> { ["Name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await fixture.WithDbAsync(db => db.FooterLinkGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync());
    }

    [Fact]
    public async Task CreateGroup_Refused_InputKeepsTypedName()
    {
        await CreateGroupAsync("政府网站");

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/footerlinks/creategroup", new Dictionary<string, string> { ["Name"] = " 政府网站 " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Contains("已有同名的分组。", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(" 政府网站 ", document.QuerySelector("#new-group")!.GetAttribute("value"));
    }

    [Fact]
    public async Task RenameGroup_Refused_OnlyThatGroupsInputKeepsTypedName()
    {
        var first = await CreateGroupAsync("部门网站");
        var second = await CreateGroupAsync("地方网站");

        var response = await SiteAdminFixture.PostAsync(fixture.Admin, $"/admin/footerlinks/renamegroup/{second}", new Dictionary<string, string> { ["Name"] = "部门网站" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await PortalFactory.ParseAsync(response);
        Assert.Equal("部门网站", document.QuerySelector($"#rename-{second}")!.GetAttribute("value"));
        Assert.Equal("部门网站", document.QuerySelector($"#rename-{first}")!.GetAttribute("value"));
        Assert.Null(document.QuerySelector("#new-group")!.GetAttribute("value"));
        Assert.Equal("地方网站", await fixture.WithDbAsync(db => db.FooterLinkGroups.Where(g => g.Id == second).Select(g => g.Name).SingleAsync()));
    }
}
