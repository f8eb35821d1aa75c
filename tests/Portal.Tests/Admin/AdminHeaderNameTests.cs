using Microsoft.EntityFrameworkCore;
using Portal.Core.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>The admin header names the signed-in person by their display name, as stored now.</summary>
public sealed class AdminHeaderNameTests : IDisposable
{
    private readonly PortalFactory _factory = PortalFactory.Empty();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Header_ShowsTheDisplayName_ItsChange_AndTheUserNameWhenEmpty()
    {
        await StaffAccounts.CreateAsync(_factory, "zhang.san", PortalRoles.Editor, displayName: "张三");
        using var client = await StaffAccounts.SignInAsync(_factory, "zhang.san");

        async Task<string?> ShownAsync() => (await _factory.GetDocumentAsync("/admin", client)).Document.QuerySelector("header .admin-user")?.TextContent.Trim();

        Assert.Equal("张三", await ShownAsync());

        await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "zhang.san").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "张三丰")));
        Assert.Equal("张三丰", await ShownAsync());

        await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "zhang.san").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "")));
        Assert.Equal("zhang.san", await ShownAsync());
    }
}
