using System.Text.Json;
using Portal.Core.Articles;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Tests.Backup;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Inspection;

/// <summary>
/// The <c>inspect</c> verb as monitoring runs it: the built Portal.Web.dll in its own process, on
/// the seeded store (vetoes, exit 3) and on a store an inspector would pass (exit 0).
/// </summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public sealed class InspectVerbTests
{
    [Fact]
    public async Task Inspect_OnTheSeededStore_ReportsTheVetoesAndExits3()
    {
        using var data = TempFolder.Create();
        var import = await PortalProcess.RunAsync(null, "import", Seeds.Folder, $"--Storage:DataPath={data.Path}", "--Import:SeedOnStartup=false");
        Assert.True(import.ExitCode == 0, import.Describe());

        var run = await PortalProcess.RunAsync(null, "inspect", $"--Storage:DataPath={data.Path}", "--Import:SeedOnStartup=false");

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.Contains(run.StdOutLines, l => l.StartsWith("veto", StringComparison.Ordinal) && l.Contains("home-stale", StringComparison.Ordinal));
        foreach (var name in new[] { "机构设置", "政务公开", "互动交流", "专题专栏", "资料中心" })
        {
            Assert.Contains(run.StdOutLines, l => l.StartsWith("veto", StringComparison.Ordinal) && l.Contains("section-empty", StringComparison.Ordinal) && l.Contains(name, StringComparison.Ordinal));
        }

        Assert.Contains(run.StdOutLines, l => l.Contains("identity-missing", StringComparison.Ordinal) && l.Contains("网站标识码", StringComparison.Ordinal));
        Assert.Matches(@"^\d+ finding\(s\): \d+ veto, \d+ warning, \d+ info\.$", run.StdOutLines[^1]);

        var json = await PortalProcess.RunAsync(null, "inspect", "--json", $"--Storage:DataPath={data.Path}", "--Import:SeedOnStartup=false");
        Assert.True(json.ExitCode == 3, json.Describe());
        using var document = JsonDocument.Parse(json.StdOut);
        var findings = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(5, findings.Count(f => f.GetProperty("rule").GetString() == "section-empty" && f.GetProperty("level").GetString() == "veto"));
        Assert.All(findings, f => Assert.StartsWith("/admin/", f.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.Contains("机构设置", json.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_OnAStoreThatPasses_ExitsZero()
    {
        using var data = TempFolder.Create();
        // Kept open until the verb ran: disposing the factory removes its data folder.
        using var store = BackupTestSupport.EmptySqlite(data.Path);
        await store.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.SiteSettings.Add(new SiteSettings
            {
                SiteName = "某某市人民政府", Sponsor = "某某市人民政府办公室", SiteCode = "1100000001", IcpNumber = "京ICP备05048973号",
                PublicSecurityNumber = "京公网安备 11040102700045号", Phone = "010-12345678", GovBadgeUrl = "https://bszs.conac.cn/sitename?method=show&id=1",
            });
            var section = new Section { Name = "要闻动态", MenuLabel = "要闻", Slug = "yaowen", CreatedAt = now, UpdatedAt = now };
            db.Sections.Add(section);
            db.Articles.Add(new Article
            {
                UrlKey = "fresh1", Title = "今日要闻", Section = section, PublishedAt = now.AddHours(-1), Source = "本网",
                BodyMarkdown = "正文", BodyHtml = "<p>正文</p>", Status = ArticleStatus.Published, CreatedAt = now, UpdatedAt = now,
            });
            return await db.SaveChangesAsync();
        });

        var run = await PortalProcess.RunAsync(null, "inspect", $"--Storage:DataPath={data.Path}", "--Import:SeedOnStartup=false", "--Site:BaseUrl=https://www.example.gov.cn");

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("0 finding(s): 0 veto, 0 warning, 0 info.", Assert.Single(run.StdOutLines));
    }

    [Fact]
    public async Task Inspect_WithAnUnknownArgument_IsAUsageError()
    {
        using var data = TempFolder.Create();
        var run = await PortalProcess.RunAsync(null, "inspect", "now", $"--Storage:DataPath={data.Path}", "--Import:SeedOnStartup=false");
        Assert.True(run.ExitCode == 2, run.Describe());
    }
}
