using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Core.Accounts;
using Portal.Core.Media;
using Portal.Core.Site;
using Portal.Tests.Editor;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>
/// The confirmations in a real browser: a dismissed question sends nothing, an accepted one sends
/// the form; clearing the footer's QR code asks only when an image was chosen before.
/// </summary>
[Trait("Store", TestDatabase.SqliteOnly)]
[Collection(BrowserTests.Collection)]
public sealed class ConfirmationBrowserTests : IAsyncLifetime
{
    // Administrators sign in with a password alone here: the browser test is about the page, not the second factor.
    private readonly PortalFactory _factory = PortalFactory.Empty(new Dictionary<string, string?> { ["Accounts:RequireTwoFactorFor"] = "reviewer" });
    private Uri _address = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            return;
        }

        _address = _factory.StartLoopbackServer();
        await StaffAccounts.CreateAsync(_factory, "queren", PortalRoles.Admin, displayName: "确认管理员");
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserTests.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    [ChromiumFact]
    public async Task DeleteSection_DismissedKeepsIt_AcceptedDeletesIt()
    {
        await TestContent.AddSectionAsync(_factory, "浏览器待删", "待删", "browser-delete");
        var page = await SignedInPageAsync();
        await page.GotoAsync(new Uri(_address, "/admin/sections").ToString());
        var questions = new List<string>();
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
        };

        var delete = page.GetByRole(AriaRole.Button, new() { Name = "删除 浏览器待删" });
        await delete.ClickAsync();
        await page.WaitForTimeoutAsync(500);
        Assert.Equal("确定删除栏目“浏览器待删”吗？删除后不能恢复，其网址将不再可用。", Assert.Single(questions));
        Assert.True(await SectionExistsAsync());

        accept = true;
        await delete.ClickAsync();
        await page.Locator("p.flash").Filter(new() { HasText = "栏目“浏览器待删”已删除。" }).WaitForAsync();
        Assert.False(await SectionExistsAsync());
    }

    [ChromiumFact]
    public async Task Settings_ClearingTheQrCode_Asks_SavingOtherwiseDoesNot()
    {
        var imageId = await _factory.WithDbAsync(async db =>
        {
            var media = new MediaFile { OriginalName = "qr.png", StoredName = "0123456789abcdef0123456789abcdef.png", ContentType = "image/png", Length = 1, Kind = MediaKind.Image, UploadedAt = DateTime.UtcNow };
            db.MediaFiles.Add(media);
            await db.SaveChangesAsync();
            // An empty store has no settings row until the first save.
            var settings = await db.SiteSettings.SingleOrDefaultAsync() ?? db.SiteSettings.Add(new SiteSettings()).Entity;
            settings.WeChatQrImageId = media.Id;
            await db.SaveChangesAsync();
            return media.Id;
        });
        var page = await SignedInPageAsync();
        var questions = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        // Saved unchanged: no question.
        await page.GotoAsync(new Uri(_address, "/admin/settings").ToString());
        var save = page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true });
        var posted = await page.RunAndWaitForResponseAsync(() => save.ClickAsync(), r => r.Request.Method == "POST" && r.Url.EndsWith("/admin/settings", StringComparison.Ordinal));
        Assert.NotNull(posted);
        Assert.Empty(questions);

        // Cleared: asked, and dismissing keeps the image.
        await page.GotoAsync(new Uri(_address, "/admin/settings").ToString());
        await page.SelectOptionAsync("#Input_WeChatQrImageId", "");
        await save.ClickAsync();
        await page.WaitForTimeoutAsync(500);
        Assert.Equal("将不再在页脚显示官方微信二维码。确定移除吗？", Assert.Single(questions));
        Assert.Equal(imageId, await _factory.WithDbAsync(db => db.SiteSettings.Select(s => s.WeChatQrImageId).SingleAsync()));
    }

    private Task<bool> SectionExistsAsync() => _factory.WithDbAsync(db => db.Sections.AnyAsync(s => s.Slug == "browser-delete"));

    private async Task<IPage> SignedInPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await BrowserTests.SignInAsync(page, _address, "queren");
        return page;
    }
}
