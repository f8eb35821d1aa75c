using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Tests.Admin.Articles;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Audit;

/// <summary>审计日志 that explains itself: objects by name and link, actors by display name, local times, filters kept, CSV export.</summary>
public sealed class AuditLogTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task AuditLog_ArticleAndUserTargets_ShownByNameWithLinksAndActorDisplayName()
    {
        var editor = await fixture.LoginAsync("editor");
        var admin = await fixture.LoginAsync("admin");
        var id = await CreateAsync(editor, ArticleForm("审计里的标题", fixture.NewsId, "正文"));
        var editorId = await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "editor").Select(u => u.Id).SingleAsync());

        var (_, articleLog) = await fixture.Factory.GetDocumentAsync($"/admin/audit?Target=article&TargetId={id}", admin);
        var row = articleLog.QuerySelectorAll("table.audit-log tbody tr").Single();
        var link = row.QuerySelector("td.audit-target a")!;
        Assert.Equal("审计里的标题", link.TextContent);
        Assert.Equal($"/admin/articles/edit/{id}", link.GetAttribute("href"));
        Assert.Equal("编辑甲", row.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.DoesNotContain("article " + id, row.TextContent, StringComparison.Ordinal);

        var (_, loginLog) = await fixture.Factory.GetDocumentAsync($"/admin/audit?Op=account.login&Target=user&TargetId={Uri.EscapeDataString(editorId)}", admin);
        var login = loginLog.QuerySelector("table.audit-log tbody tr td.audit-target a")!;
        Assert.Equal("编辑甲", login.TextContent);
        Assert.Equal($"/admin/users/edit/{editorId}", login.GetAttribute("href"));
        Assert.DoesNotContain(editorId, loginLog.QuerySelector("table.audit-log tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_DeletedArticle_MarkedInTheBin()
    {
        var editor = await fixture.LoginAsync("editor");
        var admin = await fixture.LoginAsync("admin");
        var id = await CreateAsync(editor, ArticleForm("将被删除的标题", fixture.NewsId, "正文"));
        await PostAsync(editor, $"/admin/articles/delete/{id}", V((await fixture.ArticleAsync(id)).Version));

        var (_, log) = await fixture.Factory.GetDocumentAsync($"/admin/audit?Target=article&TargetId={id}", admin);

        var cells = log.QuerySelectorAll("table.audit-log td.audit-target");
        Assert.NotEmpty(cells);
        Assert.All(cells, cell =>
        {
            Assert.Contains("回收站", cell.TextContent, StringComparison.Ordinal);
            Assert.StartsWith("/admin/articles/bin", cell.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AuditLog_OtherTargets_NamedOrShownAsTheyAre()
    {
        var admin = await fixture.LoginAsync("admin");
        var (mediaName, groupId) = await fixture.Factory.WithDbAsync(async db =>
        {
            var group = new Portal.Core.Site.FooterLinkGroup { Name = "审计分组" };
            db.FooterLinkGroups.Add(group);
            await db.SaveChangesAsync();
            return ("stored-" + Guid.NewGuid().ToString("N")[..8] + ".png", group.Id);
        });
        var marker = "目标测试" + Guid.NewGuid().ToString("N")[..6];
        await AddEntriesAsync(
            Entry(marker, "section.change", "section", fixture.NewsId.ToString(CultureInfo.InvariantCulture)),
            Entry(marker, "footer.change", "footer-group", groupId.ToString(CultureInfo.InvariantCulture)),
            Entry(marker, "section.change", "section", "99999"),
            Entry(marker, "media.delete", "media", mediaName),
            Entry(marker, "settings.change", "settings", "1"),
            Entry(marker, "something.new", "gadget", "7"));

        var (_, log) = await fixture.Factory.GetDocumentAsync("/admin/audit?Q=" + Uri.EscapeDataString(marker), admin);
        var targets = log.QuerySelectorAll("table.audit-log td.audit-target").Select(c => (Text: c.TextContent.Trim(), Href: c.QuerySelector("a")?.GetAttribute("href"))).ToList();

        Assert.Equal(6, targets.Count);
        Assert.Contains(targets, t => t.Text.Contains("新闻中心", StringComparison.Ordinal) && t.Href == $"/admin/sections/edit/{fixture.NewsId}");
        Assert.Contains(targets, t => t.Text.Contains("审计分组", StringComparison.Ordinal) && t.Href == "/admin/footerlinks");
        Assert.Contains(targets, t => t.Text.Contains("#99999", StringComparison.Ordinal) && t.Text.Contains("已删除", StringComparison.Ordinal) && t.Href is null);
        Assert.Contains(targets, t => t.Text.Contains(mediaName, StringComparison.Ordinal) && t.Text.Contains("已删除", StringComparison.Ordinal));
        Assert.Contains(targets, t => t.Text.Contains("网站设置", StringComparison.Ordinal) && t.Href == "/admin/settings");
        Assert.Contains(targets, t => t.Text.Contains("gadget 7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditLog_TimesInBeijingWithUtcTitle()
    {
        var admin = await fixture.LoginAsync("admin");
        var marker = "时间测试" + Guid.NewGuid().ToString("N")[..6];
        await AddEntriesAsync(Entry(marker, "settings.change", "settings", "1", at: new DateTime(2030, 4, 30, 17, 30, 5, DateTimeKind.Utc)));

        var (_, log) = await fixture.Factory.GetDocumentAsync("/admin/audit?Q=" + Uri.EscapeDataString(marker), admin);
        var time = log.QuerySelector("table.audit-log time")!;

        Assert.Equal("2030-05-01 01:30:05", time.TextContent);
        Assert.Equal("UTC 2030-04-30 17:30:05", time.GetAttribute("title"));
        Assert.Equal("2030-04-30T17:30:05Z", time.GetAttribute("datetime"));
    }

    [Fact]
    public async Task AuditLog_Filters_KeptInTheFormAndThePagerAndTheExportLink()
    {
        var admin = await fixture.LoginAsync("admin");
        var marker = "分页测试" + Guid.NewGuid().ToString("N")[..6];
        await AddEntriesAsync(Enumerable.Range(0, AuditQueries.PageSize + 5).Select(i => Entry($"{marker} {i}", "settings.change", "settings", "1")).ToArray());
        var url = "/admin/audit?Op=settings.change&Target=settings&Q=" + Uri.EscapeDataString(marker) + "&From=2030-01-01&To=2030-12-31";

        var (response, page) = await fixture.Factory.GetDocumentAsync(url, admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AuditQueries.PageSize, page.QuerySelectorAll("table.audit-log tbody tr").Length);
        Assert.Equal(marker, page.QuerySelector("input[name='Q']")!.GetAttribute("value"));
        Assert.Equal("2030-01-01", page.QuerySelector("input[name='From']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("select[name='Op'] option[value='settings.change'][selected]"));
        Assert.NotNull(page.QuerySelector("select[name='Target'] option[value='settings'][selected]"));
        var next = page.QuerySelector(".pager a[rel='next']")!.GetAttribute("href")!;
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Contains("Q=" + Uri.EscapeDataString(marker), next, StringComparison.Ordinal);
        Assert.Contains("Op=settings.change", next, StringComparison.Ordinal);
        Assert.Contains("From=2030-01-01", next, StringComparison.Ordinal);
        var (_, second) = await fixture.Factory.GetDocumentAsync(next, admin);
        Assert.Equal(5, second.QuerySelectorAll("table.audit-log tbody tr").Length);
        var export = page.QuerySelector("a.export")!.GetAttribute("href")!;
        Assert.StartsWith("/admin/audit/export?", export, StringComparison.Ordinal);
        Assert.Contains("Q=" + Uri.EscapeDataString(marker), export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Csv_BomHeaderQuotingInjectionChineseFilterAndBeijingTime()
    {
        var admin = await fixture.LoginAsync("admin");
        var marker = "导出测试" + Guid.NewGuid().ToString("N")[..6];
        var at = new DateTime(2030, 4, 30, 20, 0, 0, DateTimeKind.Utc);
        await AddEntriesAsync(
            Entry(marker + " 逗号,引号\"换行\n第二行", "settings.change", "settings", "1", at: at),
            Entry(marker + " 普通中文说明", "settings.change", "settings", "1", userName: "=cmd|' /C calc'!A0", at: at.AddMinutes(1)),
            Entry(marker + " 别的操作", "section.change", "section", "1", at: at.AddMinutes(2)));
        await AddEntriesAsync(Entry("+SUM(1,2) " + marker, "settings.change", "settings", "1", at: at.AddMinutes(3)));

        var response = await admin.GetAsync("/admin/audit/export?Op=settings.change&Q=" + Uri.EscapeDataString(marker));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches(@"^""?audit-\d{4}-\d\d-\d\d\.csv""?$", disposition.FileName!);
        Assert.Matches(@"^审计日志-\d{4}-\d\d-\d\d\.csv$", disposition.FileNameStar!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var rows = Csv.Parse(new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["时间（北京时间）", "操作人", "用户名", "操作", "对象类型", "对象", "说明", "IP地址"], rows[0]);
        var data = rows.Skip(1).ToList();
        Assert.Equal(3, data.Count); // the section change is filtered out
        Assert.All(data, r => Assert.Equal(8, r.Count));

        // Newest first; times in Beijing (UTC+8).
        var formula = data[0];
        Assert.Equal("2030-05-01 04:03:00", formula[0]);
        Assert.Equal("'+SUM(1,2) " + marker, formula[6]);
        var injected = data[1];
        Assert.Equal("2030-05-01 04:01:00", injected[0]);
        Assert.Equal("'=cmd|' /C calc'!A0", injected[1]);
        Assert.Equal("'=cmd|' /C calc'!A0", injected[2]);
        Assert.Equal("网站设置", injected[5]);
        Assert.Equal("网站设置变更", injected[3]);
        Assert.Equal(marker + " 普通中文说明", injected[6]);
        var quoted = data[2];
        Assert.Equal("2030-05-01 04:00:00", quoted[0]);
        Assert.Equal(marker + " 逗号,引号\"换行\n第二行", quoted[6]);
        Assert.Equal("127.0.0.1", quoted[7]);
    }

    [Fact]
    public async Task Export_BadFilterDate_BackToTheListWithTheMessage()
    {
        var admin = await fixture.LoginAsync("admin");

        var response = await admin.GetAsync("/admin/audit/export?From=abc&Q=x");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/audit?From=abc&Q=x", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("reviewer")]
    public async Task Export_NotAdmin_Forbidden(string userName)
    {
        var client = await fixture.LoginAsync(userName);

        var response = await client.GetAsync("/admin/audit/export");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
    }

    private AuditEntry Entry(string details, string action, string targetType, string targetId, string userName = "审计测试员", DateTime? at = null) => new()
    {
        At = at ?? fixture.Time.GetUtcNow().UtcDateTime,
        UserName = userName,
        Action = action,
        TargetType = targetType,
        TargetId = targetId,
        Details = details,
        IpAddress = "127.0.0.1",
    };

    private Task<int> AddEntriesAsync(params AuditEntry[] entries) =>
        fixture.Factory.WithDbAsync(db =>
        {
            db.AuditEntries.AddRange(entries);
            return db.SaveChangesAsync();
        });
}

/// <summary>A small RFC 4180 reader: quoted cells with doubled quotes, commas and line breaks inside, CRLF between records.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.False(c is '\r' or '\n' or '"', $"unquoted {(int)c} at {i}");
                cell.Append(c);
            }
        }

        Assert.True(cell.Length == 0 && row.Count == 0, "the last record is not ended by CRLF");
        return rows;
    }
}
