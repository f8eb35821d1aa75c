using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Core.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Editor;

/// <summary>
/// The article form's visual editor in a real browser (Debian's Chromium, headless) against the
/// portal on a loopback port: typing, a toolbar button, pasting, saving, and what was stored.
/// What the browser does does not depend on the database, so these run in the SQLite pass only.
/// </summary>
[Trait("Store", TestDatabase.SqliteOnly)]
[Collection(BrowserTests.Collection)]
public sealed class EditorBrowserTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = PortalFactory.Empty();
    // Written by the page's console events while a test reads it: a concurrent collection.
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _consoleErrors = new();
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
        var leaving = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Dialog += async (_, dialog) =>
        {
            leaving.TrySetResult(dialog.Type);
            await dialog.AcceptAsync();
        };
        await page.Locator(".admin-nav a[href='/admin/articles']").ClickAsync();
        Assert.Equal("beforeunload", await leaving.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        // The navigation has begun (the warning was accepted); its page need not finish loading.
        await page.WaitForURLAsync("**/admin/articles", new() { WaitUntil = WaitUntilState.Commit });

        // Back on the form, the draft is offered, and restoring it fills the editor too.
        await page.GotoAsync(new Uri(_address, "/admin/articles/create").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "恢复未保存的内容" }).ClickAsync();
        await page.Locator(".toastui-editor-ww-container p").Filter(new() { HasText = "尚未保存的一段话" }).WaitForAsync();
        Assert.Contains("尚未保存的一段话", await page.InputValueAsync("#Input_BodyMarkdown"), StringComparison.Ordinal);
        Assert.Empty(_consoleErrors);
    }

    [ChromiumFact]
    public async Task Paste_ServerAnswer_InsertedInBothModes()
    {
        // The conversion's answer (contract C1) stands in for the server's, so that this test
        // checks what editor.js does with it: the clean HTML in WYSIWYG, the Markdown in Markdown.
        var page = await SignedInPageAsync();
        var posted = new List<string>();
        await page.RouteAsync("**/admin/editor/paste", async route =>
        {
            posted.Add(route.Request.PostData ?? "");
            await route.FulfillAsync(new()
            {
                ContentType = "application/json",
                Body = """{"markdown":"## 转换后的标题\n\n转换后的**正文**","html":"<h2>转换后的标题</h2><p>转换后的<strong>正文</strong></p>"}""",
            });
        });
        await page.GotoAsync(new Uri(_address, "/admin/articles/create").ToString());
        await page.Locator(".toastui-editor-ww-container [contenteditable='true']").ClickAsync();
        await PasteAsync(page, ".toastui-editor-ww-container", "<p style='color:red'><span style='font-family:宋体'>原始内容</span></p>", "原始内容\n第二行");
        await page.Locator(".toastui-editor-ww-container h2").Filter(new() { HasText = "转换后的标题" }).WaitForAsync();
        Assert.Single(posted);
        // Multipart (form fields "html" and "text"), not percent-encoded.
        Assert.Contains("name=\"html\"", posted[0], StringComparison.Ordinal);
        Assert.Contains("name=\"text\"", posted[0], StringComparison.Ordinal);
        var markdown = await page.InputValueAsync("#Input_BodyMarkdown");
        Assert.Contains("## 转换后的标题", markdown, StringComparison.Ordinal);
        Assert.Contains("转换后的**正文**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("原始内容", markdown, StringComparison.Ordinal);

        // A single word is the editor's own business: no request.
        await PasteAsync(page, ".toastui-editor-ww-container", "", "单词");
        await page.WaitForFunctionAsync("() => document.querySelector('#Input_BodyMarkdown').value.includes('单词')");
        Assert.Single(posted);

        // Markdown mode: the Markdown goes in at the cursor.
        await page.GetByText("Markdown", new() { Exact = true }).ClickAsync();
        await page.Locator(".toastui-editor-md-container [contenteditable='true']").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        // ProseMirror groups changes less than 500 ms apart into one undo step (here: the text
        // the mode switch loaded); a person pastes later than that.
        await page.WaitForTimeoutAsync(600);
        await PasteAsync(page, ".toastui-editor-md-container", "<b>原始</b>", "原始");
        await page.WaitForFunctionAsync("() => document.querySelector('#Input_BodyMarkdown').value.split('## 转换后的标题').length === 3");
        Assert.Equal(2, posted.Count);

        // 撤销 takes the paste back.
        await page.GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#Input_BodyMarkdown').value.split('## 转换后的标题').length === 2");
        Assert.Empty(_consoleErrors);
    }

    [ChromiumFact]
    public async Task ImageButton_PicksFromLibraryAndRequiresAltText()
    {
        // The media picker's answers (contract C2) stand in for the server's.
        var page = await SignedInPageAsync();
        var queries = new List<string>();
        await page.RouteAsync("**/admin/media/picker?**", async route =>
        {
            queries.Add(new Uri(route.Request.Url).Query);
            await route.FulfillAsync(new()
            {
                ContentType = "application/json",
                Body = """
                    {"items":[{"id":7,"url":"/media/abc.png","thumbnailUrl":"/media/abc.png","name":"坎儿井.png","kind":"image","typeLabel":"PNG","sizeText":"12 KB","uploadedAt":"2026-12-02 11:20","markdown":"![ALT](/media/abc.png)"}],"page":1,"totalPages":2}
                    """,
            });
        });
        await page.GotoAsync(new Uri(_address, "/admin/articles/create").ToString());
        await page.Locator(".toastui-editor-ww-container [contenteditable='true']").ClickAsync();

        // By keyboard: the toolbar button, the dialog, its list.
        await page.GetByRole(AriaRole.Button, new() { Name = "插入图片" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var picker = page.GetByRole(AriaRole.Dialog, new() { Name = "插入图片" });
        await picker.GetByText("第 1 / 2 页").WaitForAsync();
        Assert.Contains("kind=image", queries[0], StringComparison.Ordinal);
        await picker.GetByLabel("按文件名搜索").FillAsync("坎儿井");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => true");
        await picker.GetByRole(AriaRole.Button, new() { Name = "插入“坎儿井.png”" }).ClickAsync();
        Assert.Contains(queries, q => q.Contains("q=%E5%9D%8E", StringComparison.Ordinal));

        // The alternative text: a placeholder is refused, a real one inserted.
        var alt = page.GetByRole(AriaRole.Dialog, new() { Name = "图片的替代文字" });
        await alt.GetByLabel("替代文字（必填）").FillAsync("说明文字");
        await alt.GetByRole(AriaRole.Button, new() { Name = "插入图片" }).ClickAsync();
        await alt.GetByText("请填写能说明图片内容的替代文字，不能使用“说明文字”“图片”等占位词。").WaitForAsync();
        // As the server compares (AltTextRules): the file's own name, spaces and a final dot do not pass either.
        foreach (var refused in new[] { "坎儿井", " Image. " })
        {
            await alt.GetByLabel("替代文字（必填）").FillAsync(refused);
            await alt.GetByRole(AriaRole.Button, new() { Name = "插入图片" }).ClickAsync();
            Assert.True(await alt.IsVisibleAsync(), refused);
            Assert.DoesNotContain("![", await page.InputValueAsync("#Input_BodyMarkdown"), StringComparison.Ordinal);
        }

        await alt.GetByLabel("替代文字（必填）").FillAsync("吐鲁番的坎儿井");
        await alt.GetByRole(AriaRole.Button, new() { Name = "插入图片" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#Input_BodyMarkdown').value.includes('![吐鲁番的坎儿井](/media/abc.png)')");
        Assert.False(await alt.IsVisibleAsync());
        // (The stand-in image is not on the server: its 404 is expected.)
        Assert.DoesNotContain(_consoleErrors, e => !e.Contains("/media/abc.png", StringComparison.Ordinal));
    }

    private static async Task PasteAsync(IPage page, string container, string html, string text) =>
        await page.EvaluateAsync("""
            ([container, html, text]) => {
                const data = new DataTransfer();
                if (html) data.setData('text/html', html);
                data.setData('text/plain', text);
                document.querySelector(container + " [contenteditable='true']")
                    .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, new[] { container, html, text });

    private async Task<IPage> SignedInPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        // Two cores shared with the rest of the suite (and npm in VendoringTests): be patient.
        page.SetDefaultTimeout(90_000);
        page.Console += (_, message) =>
        {
            // The CSP reports any inline style or script it refuses here.
            // The paste conversion (C1) may not be there: its absence is what the fallback is for.
            if (message.Type == "error" && !message.Location.Contains("/admin/editor/paste", StringComparison.Ordinal))
            {
                _consoleErrors.Enqueue($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _consoleErrors.Enqueue(error);
        await BrowserTests.SignInAsync(page, _address, "bianji");
        return page;
    }
}
