using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>
/// Every admin action outside the article editor says what it did on the next page (the flash
/// message), including the moves that could not move.
/// </summary>
public sealed class ActionMessageTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    /// <summary>Posts as the administrator, follows the redirect and returns the flash message of the page it leads to.</summary>
    private async Task<string> FlashAfterAsync(string url, Dictionary<string, string> fields)
    {
        var response = await SiteAdminFixture.PostAsync(fixture.Admin, url, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await FlashOfAsync(response.Headers.Location!.OriginalString);
    }

    private async Task<string> FlashOfAsync(string location)
    {
        var (page, document) = await fixture.Factory.GetDocumentAsync(location, fixture.Admin);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return document.QuerySelector(".admin-main > p.flash")?.TextContent.Trim() ?? "(no message)";
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> SectionForm(string name, string slug, int? parentId) => new()
    {
        ["Input.Name"] = name,
        ["Input.MenuLabel"] = name,
        ["Input.Slug"] = slug,
        ["Input.ParentId"] = parentId is { } id ? Text(id) : "",
        ["Input.ShowInMenu"] = "true",
        ["Input.ReviewLevels"] = "1",
    };

    private Task<int> SectionIdAsync(string slug) => fixture.WithDbAsync(db => db.Sections.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task Sections_EveryAction_SaysWhatItDid()
    {
        Assert.Equal("已新建栏目“消息父栏目”。", await FlashAfterAsync("/admin/sections/create", SectionForm("消息父栏目", "msg-parent", null)));
        var parent = await SectionIdAsync("msg-parent");
        await FlashAfterAsync("/admin/sections/create", SectionForm("甲栏目", "msg-a", parent));
        await FlashAfterAsync("/admin/sections/create", SectionForm("乙栏目", "msg-b", parent));
        var b = await SectionIdAsync("msg-b");

        Assert.Equal("已上移。", await FlashAfterAsync($"/admin/sections/reorder/{b}", new() { ["offset"] = "-1" }));
        Assert.Equal("已在最前，无法上移。", await FlashAfterAsync($"/admin/sections/reorder/{b}", new() { ["offset"] = "-1" }));
        Assert.Equal("已下移。", await FlashAfterAsync($"/admin/sections/reorder/{b}", new() { ["offset"] = "1" }));
        Assert.Equal("已在最后，无法下移。", await FlashAfterAsync($"/admin/sections/reorder/{b}", new() { ["offset"] = "1" }));
        Assert.Equal("栏目“乙栏目”已从主菜单中隐藏。", await FlashAfterAsync($"/admin/sections/visibility/{b}", new() { ["show"] = "false" }));
        Assert.Equal("栏目“乙栏目”已在主菜单中显示。", await FlashAfterAsync($"/admin/sections/visibility/{b}", new() { ["show"] = "true" }));
        Assert.Equal("已保存栏目“乙栏目二”。", await FlashAfterAsync($"/admin/sections/edit/{b}", SectionForm("乙栏目二", "msg-b", parent)));
        Assert.Equal("栏目“乙栏目二”已删除。", await FlashAfterAsync($"/admin/sections/delete/{b}", []));
    }

    [Fact]
    public async Task FooterLinks_EveryAction_SaysWhatItDid()
    {
        Assert.Equal("已新建分组“消息分组”。", await FlashAfterAsync("/admin/footerlinks/creategroup", new() { ["Name"] = "消息分组" }));
        var group = await fixture.WithDbAsync(db => db.FooterLinkGroups.Where(g => g.Name == "消息分组").Select(g => g.Id).SingleAsync());
        Assert.Equal("分组已改名为“消息分组二”。", await FlashAfterAsync($"/admin/footerlinks/renamegroup/{group}", new() { ["Name"] = "消息分组二" }));
        Assert.StartsWith("已", await FlashAfterAsync($"/admin/footerlinks/movegroup/{group}", new() { ["offset"] = "1" }), StringComparison.Ordinal);

        Dictionary<string, string> Link(string text) => new() { ["Input.GroupId"] = Text(group), ["Input.Text"] = text, ["Input.Url"] = "https://www.gov.cn/" };
        Assert.Equal("已新建链接“中国政府网”。", await FlashAfterAsync("/admin/footerlinks/createlink", Link("中国政府网")));
        await FlashAfterAsync("/admin/footerlinks/createlink", Link("第二个链接"));
        var first = await fixture.WithDbAsync(db => db.FooterLinks.Where(l => l.Text == "中国政府网").Select(l => l.Id).SingleAsync());
        Assert.Equal("已在最前，无法上移。", await FlashAfterAsync($"/admin/footerlinks/movelink/{first}", new() { ["offset"] = "-1" }));
        Assert.Equal("已下移。", await FlashAfterAsync($"/admin/footerlinks/movelink/{first}", new() { ["offset"] = "1" }));
        Assert.Equal("已保存链接“中国政府网门户”。", await FlashAfterAsync($"/admin/footerlinks/editlink/{first}", Link("中国政府网门户")));
        Assert.Equal("链接“中国政府网门户”已删除。", await FlashAfterAsync($"/admin/footerlinks/deletelink/{first}", []));
        var second = await fixture.WithDbAsync(db => db.FooterLinks.Where(l => l.Text == "第二个链接").Select(l => l.Id).SingleAsync());
        await FlashAfterAsync($"/admin/footerlinks/deletelink/{second}", []);
        Assert.Equal("分组“消息分组二”已删除。", await FlashAfterAsync($"/admin/footerlinks/deletegroup/{group}", []));
    }

    [Fact]
    public async Task Inspection_Rerun_SaysWhatItFound()
    {
        Assert.StartsWith("检查完成：否决风险 ", await FlashAfterAsync("/admin/inspection/run", []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_SavedAndUnchanged_SayWhichItWas()
    {
        var (_, page) = await fixture.Factory.GetDocumentAsync("/admin/settings", fixture.Admin);
        var fields = page.QuerySelectorAll("form[action='/admin/settings'] input[name^='Input.'], form[action='/admin/settings'] textarea[name^='Input.']")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.TextContent);
        fields["Input.WeChatQrImageId"] = "";
        fields["Input.SiteName"] = "消息测试门户";

        Assert.Equal("网站设置已保存，公开页面立即生效。", await FlashAfterAsync("/admin/settings", fields));
        Assert.Equal("网站设置没有改动。", await FlashAfterAsync("/admin/settings", fields));
    }

    [Fact]
    public async Task Users_EveryAction_SaysWhatItDid()
    {
        var created = await SiteAdminFixture.PostAsync(fixture.Admin, "/admin/users/create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "msg-user",
            ["Input.DisplayName"] = "消息用户",
            ["Input.Role"] = PortalRoles.Editor,
            ["Input.Password"] = StaffAccounts.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        Assert.Equal("已创建用户 msg-user。", await FlashOfAsync(edit));
        var id = edit["/admin/users/edit/".Length..];

        Assert.Equal("已保存用户 msg-user 的资料。", await FlashAfterAsync(edit, new() { ["Input.DisplayName"] = "消息用户二", ["Input.Role"] = PortalRoles.Editor }));
        Assert.Equal("密码已设置，该用户下次登录时须修改密码。", await FlashAfterAsync($"/admin/users/setpassword/{id}", new() { ["Password"] = "Another-Passw0rd-7" }));
        Assert.Equal("账号已停用。", await FlashAfterAsync($"/admin/users/disable/{id}", []));
        Assert.Equal("账号已启用。", await FlashAfterAsync($"/admin/users/enable/{id}", []));
        Assert.Equal("已解除锁定。", await FlashAfterAsync($"/admin/users/unlock/{id}", []));
        Assert.Equal("已重置双因素认证，该用户下次登录时需重新设置。", await FlashAfterAsync($"/admin/users/resettwofactor/{id}", []));
    }

    [Fact]
    public async Task Media_UploadAndDelete_SayWhatTheyDid()
    {
        var token = await StaffAccounts.AntiforgeryTokenAsync(fixture.Admin, "/admin/media");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestContent.TinyPng);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "消息图片.png");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var uploaded = await fixture.Admin.PostAsync("/admin/media/upload", form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal("“消息图片.png”已上传。", await FlashOfAsync(uploaded.Headers.Location!.OriginalString));

        var id = await fixture.WithDbAsync(db => db.MediaFiles.Where(m => m.OriginalName == "消息图片.png").Select(m => m.Id).SingleAsync());
        Assert.Equal("已保存“消息图片.png”的替代文本。", await FlashAfterAsync($"/admin/media/alt/{id}", new() { ["altText"] = "消息测试图片" }));
        Assert.Equal("“消息图片.png”的替代文本没有改动。", await FlashAfterAsync($"/admin/media/alt/{id}", new() { ["altText"] = "消息测试图片" }));
        Assert.Equal("“消息图片.png”已删除。", await FlashAfterAsync($"/admin/media/delete/{id}", []));
    }
}
