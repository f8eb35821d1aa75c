using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Core.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Editor;

/// <summary>
/// The article form's visual editor in a real browser (Debian's Chromium, headless) against the
/// portal on a loopback port: typing, a toolbar button, pasting, saving, and what was stored.
/// </summary>
public sealed class EditorBrowserTests : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly PortalFactory _factory = PortalFactory.Empty();
    private readonly List<string> _consoleErrors = [];
    private Uri _address = null!;
    private int _sectionId;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            return;
        }

        _address = _factory.StartLoopbackServer();
        _sectionId = await _factory.WithDbAsync(async db =>
        {
            var section = TestContent.Section("新闻中心", "新闻", "xinwen");
            db.Sections.Add(section);
            await db.SaveChangesAsync();
            return section.Id;
        });
        await StaffAccounts.CreateAsync(_factory, "bianji", PortalRoles.Editor, displayName: "编辑");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
        });
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
    public async Task NewArticle_TypedWithToolbarAndPasted_StoresMarkdown()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(new Uri(_address, "/admin/articles/create").ToString());

        // The editor replaces the textarea, which stays in the form.
        var surface = page.Locator(".toastui-editor-ww-container [contenteditable='true']");
        await surface.WaitForAsync();
        Assert.False(await page.Locator("#Input_BodyMarkdown").IsVisibleAsync());
        Assert.Equal("body-label", await surface.GetAttributeAsync("aria-labelledby"));
        Assert.Equal("正文", (await page.Locator("#body-label").TextContentAsync())!.Trim());

        await page.FillAsync("#Input_Title", "编辑器冒烟测试");
        await page.SelectOptionAsync("#Input_SectionId", _sectionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Input_Source", "本网");

        // Every toolbar button is a button in the tab order, named in Chinese.
        var tools = page.Locator(".toastui-editor-defaultUI-toolbar button:visible");
        var names = new List<string>();
        for (var i = 0; i < await tools.CountAsync(); i++)
        {
            Assert.NotEqual("-1", await tools.Nth(i).GetAttributeAsync("tabindex"));
            names.Add((await tools.Nth(i).GetAttributeAsync("aria-label"))!);
        }

        Assert.Equal(["标题", "加粗", "无序列表", "有序列表", "引用块", "水平线", "插入表格", "插入链接", "插入图片", "插入附件", "撤销"], names);

        // Typing, then a toolbar button by its accessible name.
        await surface.ClickAsync();
        await page.Keyboard.TypeAsync("第一段正文。");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "加粗" }).ClickAsync();
        await page.Keyboard.TypeAsync("重点内容");
        await page.GetByRole(AriaRole.Button, new() { Name = "加粗" }).ClickAsync();
        await page.Keyboard.PressAsync("Enter");

        // A header-less table as Word puts it on the clipboard, pasted by a synthetic event.
        // The server's conversion (C1) answers with clean Markdown; where it is not there, the
        // editor's own paste inserts the table: either way its cells arrive.
        await page.EvaluateAsync("""
            () => {
                const html = '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->'
                    + '<table class=MsoTableGrid border=1 style="border-collapse:collapse"><tr><td style="width:100pt"><p class=MsoNormal><span style="font-family:宋体;color:red">地区</span></p></td>'
                    + '<td><p class=MsoNormal><span lang=EN-US>人口</span></p></td></tr>'
                    + '<tr><td><p class=MsoNormal>吐鲁番</p></td><td><p class=MsoNormal>69万</p></td></tr></table><!--EndFragment--></body></html>';
                const data = new DataTransfer();
                data.setData('text/html', html);
                data.setData('text/plain', '地区\t人口\n吐鲁番\t69万\n');
                const target = document.querySelector(".toastui-editor-ww-container [contenteditable='true']");
                target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """);
        await page.Locator(".toastui-editor-ww-container td, .toastui-editor-ww-container th").Filter(new() { HasText = "吐鲁番" }).WaitForAsync();

        // The textarea follows the editor.
        var markdown = await page.InputValueAsync("#Input_BodyMarkdown");
        Assert.Contains("第一段正文。", markdown, StringComparison.Ordinal);
        Assert.Contains("**重点内容**", markdown, StringComparison.Ordinal);
        Assert.Contains("吐鲁番", markdown, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/articles/edit/\\d+$"));

        var stored = await _factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == "编辑器冒烟测试"));
        // Each WYSIWYG paragraph is a Markdown paragraph (the bundle's paragraph patch).
        // (A textarea sends its line breaks as CRLF.)
        Assert.StartsWith("第一段正文。\n\n**重点内容**\n\n", stored.BodyMarkdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<p>第一段正文。</p>", stored.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("吐鲁番", stored.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("69万", stored.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Mso", stored.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("宋体", stored.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("<strong>重点内容</strong>", stored.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<table>", stored.BodyHtml, StringComparison.Ordinal);

        // The saved page shows the editor again, loaded with the stored text: the same two
        // paragraphs, no empty ones between them.
        await page.Locator(".toastui-editor-ww-container strong").Filter(new() { HasText = "重点内容" }).WaitForAsync();
        Assert.Equal(["第一段正文。", "重点内容"], await page.Locator(".toastui-editor-ww-container .ProseMirror > p").AllTextContentsAsync());
        Assert.Empty(_consoleErrors);
    }

    [ChromiumFact]
    public async Task ChangedForm_Restored_UpdatesEditorAndWarnsBeforeLeaving()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(new Uri(_address, "/admin/articles/create").ToString());
        var surface = page.Locator(".toastui-editor-ww-container [contenteditable='true']");
        await surface.ClickAsync();
        await page.Keyboard.TypeAsync("尚未保存的一段话");
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('portal.draft:') && localStorage.getItem(k).includes('尚未保存的一段话'))");

        // Leaving asks first.
        var asked = false;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Type == "beforeunload";
            await dialog.AcceptAsync();
        };
        await page.GotoAsync(new Uri(_address, "/admin/articles").ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync("**/admin/articles");
        Assert.True(asked);

        // Back on the form, the draft is offered, and restoring it fills the editor too.
        await page.GotoAsync(new Uri(_address, "/admin/articles/create").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "恢复未保存的内容" }).ClickAsync();
        await page.Locator(".toastui-editor-ww-container p").Filter(new() { HasText = "尚未保存的一段话" }).WaitForAsync();
        Assert.Contains("尚未保存的一段话", await page.InputValueAsync("#Input_BodyMarkdown"), StringComparison.Ordinal);
        Assert.Empty(_consoleErrors);
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // The CSP reports any inline style or script it refuses here.
            // The paste conversion (C1) may not be there: its absence is what the fallback is for.
            if (message.Type == "error" && !message.Location.Contains("/admin/editor/paste", StringComparison.Ordinal))
            {
                _consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
        await page.GotoAsync(new Uri(_address, "/admin/account/login").ToString());
        await page.FillAsync("#UserName", "bianji");
        await page.FillAsync("#Password", StaffAccounts.Password);
        await page.ClickAsync("button[type='submit'].primary");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }
}
