using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Accounts;

/// <summary>用户管理 through the admin pages, with the forms' own fields and tokens.</summary>
public sealed class UserAdminTests : IAsyncLifetime, IDisposable
{
    private readonly PortalFactory _factory = PortalFactory.Empty();

    public Task InitializeAsync() => StaffAccounts.CreateAsync(_factory, "chief", PortalRoles.Admin);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateUser_WeakPassword_ShowsChinesePolicyMessageAndCreatesNothing()
    {
        using var admin = await StaffAccounts.SignInAsync(_factory, "chief");

        var response = await PostFormAsync(admin, "/admin/users/create", new() { ["Input.UserName"] = "weak", ["Input.DisplayName"] = "弱密码", ["Input.Role"] = PortalRoles.Editor, ["Input.Password"] = "abc" });
        var page = await PortalFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("密码至少需要 10 个字符", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False(await _factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "weak")));
    }

    [Fact]
    public async Task CreateUser_ThenDisable_AccountCannotSignInAndEveryStepIsAudited()
    {
        using var admin = await StaffAccounts.SignInAsync(_factory, "chief");

        var created = await PostFormAsync(admin, "/admin/users/create", new() { ["Input.UserName"] = "newbie", ["Input.DisplayName"] = "新编辑", ["Input.Role"] = PortalRoles.Editor, ["Input.Password"] = StaffAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editPage = created.Headers.Location!.OriginalString;
        var id = editPage["/admin/users/edit/".Length..];
        await StaffAccounts.SignInAsync(_factory, "newbie");

        var disabled = await PostFormAsync(admin, editPage, new(), action: $"/admin/users/disable/{id}");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        var login = await StaffAccounts.PostLoginAsync(_factory.CreateClient(), "newbie", StaffAccounts.Password);
        Assert.Contains("用户名或密码不正确", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var actions = await _factory.WithDbAsync(db => db.AuditEntries.Where(e => e.TargetId == id).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.UserCreate, actions);
        Assert.Contains(AuditActions.UserDisable, actions);
    }

    [Fact]
    public async Task DisableOwnAccount_IsRefused()
    {
        using var admin = await StaffAccounts.SignInAsync(_factory, "chief");
        var id = await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "chief").Select(u => u.Id).SingleAsync());

        await PostFormAsync(admin, $"/admin/users/edit/{id}", new(), action: $"/admin/users/disable/{id}");

        Assert.False(await _factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task DisableOwnAccount_ShowsRefusalInAlertNotInStatusBox()
    {
        using var admin = await StaffAccounts.SignInAsync(_factory, "chief");
        var id = await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "chief").Select(u => u.Id).SingleAsync());

        var refused = await PostFormAsync(admin, $"/admin/users/edit/{id}", new(), action: $"/admin/users/disable/{id}");
        var (shown, page) = await _factory.GetDocumentAsync(refused.Headers.Location!.OriginalString, admin);

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("不能停用自己的账号", page.QuerySelector("main .form-errors[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main [role='status']"));
    }

    [Fact]
    public async Task CreateUser_WithoutRole_ShowsRequiredMessageBesideRole()
    {
        using var admin = await StaffAccounts.SignInAsync(_factory, "chief");

        var response = await PostFormAsync(admin, "/admin/users/create", new() { ["Input.UserName"] = "norole", ["Input.DisplayName"] = "无角色", ["Input.Role"] = "", ["Input.Password"] = StaffAccounts.Password });
        var page = await PortalFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("请选择角色。", page.QuerySelector("[data-valmsg-for='Input.Role']")!.TextContent.Trim());
        Assert.False(await _factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "norole")));
    }

    [Fact]
    public async Task EditOwnAccount_DroppingTheAdministratorRole_RefusedBesideTheRole()
    {
        using var admin = await StaffAccounts.SignInAsync(_factory, "chief");
        var id = await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "chief").Select(u => u.Id).SingleAsync());

        var response = await PostFormAsync(admin, $"/admin/users/edit/{id}", new() { ["Input.DisplayName"] = "主任", ["Input.Role"] = PortalRoles.Editor });
        var page = await PortalFactory.ParseAsync(response);

        // The service's refusal (not a form attribute) is shown beside its field, not only above the form.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("不能取消自己的管理员角色。", page.QuerySelector("[data-valmsg-for='Input.Role']")!.TextContent.Trim());
        Assert.True(await _factory.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PortalUser>>();
            return await users.IsInRoleAsync((await users.FindByIdAsync(id))!, PortalRoles.Admin);
        }));
    }

    [Fact]
    public async Task EditPage_LockedOutAccount_ShowsStatusAndUnlockButton()
    {
        using var admin = await StaffAccounts.SignInAsync(_factory, "chief");
        var created = await PostFormAsync(admin, "/admin/users/create", new() { ["Input.UserName"] = "lockme", ["Input.DisplayName"] = "锁定", ["Input.Role"] = PortalRoles.Editor, ["Input.Password"] = StaffAccounts.Password });
        var editPage = created.Headers.Location!.OriginalString;
        await _factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "lockme");
            user.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1);
            return await db.SaveChangesAsync();
        });

        var (response, page) = await _factory.GetDocumentAsync(editPage, admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("状态：已锁定", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelectorAll("main form").SingleOrDefault(f => f.GetAttribute("action")!.StartsWith("/admin/users/unlock/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UserForm_WithASectionThatDoesNotExist_IsRefusedInChinese_NotA500()
    {
        using var admin = await StaffAccounts.SignInAsync(_factory, "chief");

        var created = await PostFormAsync(admin, "/admin/users/create", new() { ["Input.UserName"] = "ghostsection", ["Input.DisplayName"] = "无栏目", ["Input.Role"] = PortalRoles.Editor, ["Input.Password"] = StaffAccounts.Password, ["Input.SectionIds"] = "99999" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("所选栏目不存在", (await PortalFactory.ParseAsync(created)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False(await _factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "ghostsection")));

        var made = await PostFormAsync(admin, "/admin/users/create", new() { ["Input.UserName"] = "realone", ["Input.DisplayName"] = "编辑", ["Input.Role"] = PortalRoles.Editor, ["Input.Password"] = StaffAccounts.Password });
        var editPage = made.Headers.Location!.OriginalString;
        var edited = await PostFormAsync(admin, editPage, new() { ["Input.UserName"] = "realone", ["Input.DisplayName"] = "编辑", ["Input.Role"] = PortalRoles.Editor, ["Input.SectionIds"] = "99999" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains("所选栏目不存在", (await PortalFactory.ParseAsync(edited)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Posts a form of the page at <paramref name="pageUrl"/> with that form's own token.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, Dictionary<string, string> fields, string? action = null)
    {
        var page = await PortalFactory.ParseAsync(await client.GetStringAsync(pageUrl));
        var form = page.QuerySelectorAll("main form").First(f => f.GetAttribute("action") == (action ?? pageUrl));
        fields["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await client.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(fields));
    }
}
