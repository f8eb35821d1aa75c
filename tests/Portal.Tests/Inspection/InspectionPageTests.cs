using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Inspection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Inspection;

/// <summary>
/// 网站检查 in the admin area: the stored run's findings grouped by level with their fix links and
/// time, 重新检查 (audited, a message after, one run at a time under thirty clicks), and the
/// dashboard's counts for every role.
/// </summary>
public sealed class InspectionPageTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = PortalFactory.Empty(new Dictionary<string, string?> { ["Inspection:KeepRuns"] = "100" });
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            await StaffAccounts.CreateAsync(_factory, "inspect-" + role, role);
            _clients[role] = await StaffAccounts.SignInAsync(_factory, "inspect-" + role);
        }
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Page_NeverRun_SaysSoWithTheButton()
    {
        var (response, document) = await _factory.GetDocumentAsync("/admin/inspection", _clients[PortalRoles.Editor]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("尚未进行过网站检查", document.QuerySelector(".admin-main p.empty")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("重新检查", document.QuerySelector("form[action='/admin/inspection/run'] button")!.TextContent.Trim());
        Assert.Empty(document.QuerySelectorAll(".inspection-finding"));
        Assert.NotNull(document.QuerySelector(".admin-nav a[href='/admin/inspection']"));
    }

    [Fact]
    public async Task Page_StoredRun_FindingsGroupedByLevelWithFixLinksAndTheSiteTime()
    {
        await StoreRunAsync(new DateTime(2030, 6, 1, 4, 5, 0, DateTimeKind.Utc),
            ("home-stale", InspectionLevel.Veto, "首页", "首页两周未更新。", "/admin/articles/create"),
            ("identity-missing", InspectionLevel.Warning, "网站标识码", "页脚缺少网站标识码。", "/admin/settings"),
            ("section-empty", InspectionLevel.Veto, "机构设置", "空白栏目。", "/admin/sections/edit/1"),
            ("note", InspectionLevel.Info, "提示项", "仅供参考。", "/admin"));

        var (_, document) = await _factory.GetDocumentAsync("/admin/inspection", _clients[PortalRoles.Reviewer]);

        var groups = document.QuerySelectorAll("section.inspection-level").Select(s => s.QuerySelector("h2")!.TextContent).ToList();
        Assert.Equal(["否决风险（2）", "警告（1）", "提示（1）"], groups);
        var vetoes = document.QuerySelectorAll("section.inspection-level-veto .inspection-finding");
        Assert.Equal(["home-stale", "section-empty"], vetoes.Select(f => f.GetAttribute("data-rule")));
        var identity = Assert.Single(document.QuerySelectorAll("section.inspection-level-warning .inspection-finding"));
        Assert.Equal("网站标识码", identity.QuerySelector(".finding-subject")!.TextContent);
        Assert.Equal("页脚缺少网站标识码。", identity.QuerySelector(".finding-message")!.TextContent);
        Assert.Equal("/admin/settings", identity.QuerySelector("a.finding-fix")!.GetAttribute("href"));

        // 04:05 UTC is 12:05 in Beijing.
        var time = document.QuerySelector(".inspection-last-run time")!;
        Assert.Equal("2030-06-01 12:05", time.TextContent.Trim()[..16]);
    }

    [Fact]
    public async Task Rerun_ByAnEditor_StoresAnAuditedRunAndSaysSo()
    {
        var editor = _clients[PortalRoles.Editor];

        var response = await PostRunAsync(editor);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/inspection", response.Headers.Location!.OriginalString);
        var (_, document) = await _factory.GetDocumentAsync("/admin/inspection", editor);
        Assert.StartsWith("检查完成：否决风险 ", document.QuerySelector(".admin-main > p.flash")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(document.QuerySelectorAll("section.inspection-level-veto .inspection-finding[data-rule='home-stale']"));
        var (runs, audit) = await _factory.WithDbAsync(async db => (
            await db.InspectionRuns.ToListAsync(),
            await db.AuditEntries.Where(e => e.Action == AuditActions.InspectionRun).ToListAsync()));
        var run = Assert.Single(runs);
        var entry = Assert.Single(audit);
        Assert.Equal("inspect-editor", entry.UserName);
        Assert.Contains($"否决风险 {run.VetoCount}", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_ThirtyConcurrentClicks_NoOverlappingRuns()
    {
        var admin = _clients[PortalRoles.Admin];
        var token = await StaffAccounts.AntiforgeryTokenAsync(admin, "/admin/inspection");

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => admin.PostAsync("/admin/inspection/run",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var (runs, audits) = await _factory.WithDbAsync(async db => (
            await db.InspectionRuns.OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync(),
            await db.AuditEntries.CountAsync(e => e.Action == AuditActions.InspectionRun)));
        Assert.InRange(runs.Count, 1, 29);
        Assert.Equal(runs.Count, audits);
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].StartedAt >= runs[i - 1].FinishedAt, $"run {runs[i].Id} started before run {runs[i - 1].Id} finished");
        }
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Reviewer)]
    [InlineData(PortalRoles.Admin)]
    public async Task Dashboard_EveryRole_ShowsTheStoredCountsLinkingToTheInspection(string role)
    {
        var (_, before) = await _factory.GetDocumentAsync("/admin", _clients[role]);
        Assert.Contains("尚未进行过网站检查", before.QuerySelector(".inspection-counts")!.TextContent, StringComparison.Ordinal);

        await StoreRunAsync(new DateTime(2030, 6, 1, 4, 0, 0, DateTimeKind.Utc),
            ("a", InspectionLevel.Veto, "甲", "甲", "/admin"),
            ("b", InspectionLevel.Veto, "乙", "乙", "/admin"),
            ("c", InspectionLevel.Warning, "丙", "丙", "/admin"));

        var (_, document) = await _factory.GetDocumentAsync("/admin", _clients[role]);

        var counts = document.QuerySelector(".inspection-counts")!;
        Assert.Equal("2", counts.QuerySelector("[data-level='veto']")!.TextContent);
        Assert.Equal("1", counts.QuerySelector("[data-level='warning']")!.TextContent);
        Assert.All(counts.QuerySelectorAll("a"), a => Assert.StartsWith("/admin/inspection", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("否决风险", counts.TextContent, StringComparison.Ordinal);

        // Read from the stored run: the page computed nothing, so no run was added.
        Assert.Equal(1, await _factory.WithDbAsync(db => db.InspectionRuns.CountAsync()));
    }

    private static async Task<HttpResponseMessage> PostRunAsync(HttpClient client)
    {
        var token = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/inspection");
        return await client.PostAsync("/admin/inspection/run", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }

    private Task<int> StoreRunAsync(DateTime finishedAt, params (string Rule, InspectionLevel Level, string Subject, string Message, string Url)[] findings) =>
        _factory.WithDbAsync(async db =>
        {
            db.InspectionRuns.Add(new InspectionRun
            {
                StartedAt = finishedAt.AddSeconds(-1),
                FinishedAt = finishedAt,
                VetoCount = findings.Count(f => f.Level == InspectionLevel.Veto),
                WarningCount = findings.Count(f => f.Level == InspectionLevel.Warning),
                InfoCount = findings.Count(f => f.Level == InspectionLevel.Info),
                Findings = findings.Select(f => new InspectionFinding { Rule = f.Rule, Level = f.Level, Subject = f.Subject, Message = f.Message, Url = f.Url }).ToList(),
            });
            return await db.SaveChangesAsync();
        });
}
