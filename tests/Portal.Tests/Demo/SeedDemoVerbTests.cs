using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Search;
using Portal.Tests.Backup;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Demo;

/// <summary>
/// The <c>seed-demo</c> verb as an operator runs it: the built Portal.Web.dll in its own process,
/// on a fresh SQLite store in its own data folder.
/// </summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public sealed class SeedDemoVerbTests
{
    [Fact]
    public async Task SeedDemo_500ArticlesInAnEmptyStore_CreatesTheDemoTreeAndPublishesThem()
    {
        using var data = TempFolder.Create();

        var run = await SeedDemoAsync(data.Path, "--articles", "500");

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Matches(@"^Generated 500 demo article\(s\) in 8 section\(s\) \(created\) in \d+\.\d s\.$", Assert.Single(run.StdOutLines));
        Assert.Equal("", run.StdErr);
        using var store = BackupTestSupport.EmptySqlite(data.Path);
        var (published, sections, leavesUsed, audits, articleChanges) = await store.WithDbAsync(async db => (
            await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published && a.BodyHtml.StartsWith("<p>")),
            await db.Sections.CountAsync(),
            await db.Articles.Select(a => a.SectionId).Distinct().CountAsync(),
            await db.AuditEntries.Where(e => e.Action == AuditActions.DemoSeed).Select(e => e.UserName).ToListAsync(),
            await db.ContentChanges.CountAsync(c => c.Kind == ContentChangeKind.Article)));
        Assert.Equal(500, published);
        Assert.Equal(11, sections);
        Assert.Equal(8, leavesUsed);
        Assert.StartsWith("cli:", Assert.Single(audits), StringComparison.Ordinal);

        // Under the change log's bulk threshold, each article is named, as for any small save.
        Assert.Equal(500, articleChanges);
    }

    [Fact]
    public async Task SeedDemo_SameSeedInTwoFreshStores_SameKeysAndTitles_OtherSeedDiffers()
    {
        using var first = TempFolder.Create();
        using var second = TempFolder.Create();
        using var other = TempFolder.Create();

        var runs = new[]
        {
            await SeedDemoAsync(first.Path, "--articles", "500", "--seed", "7"),
            await SeedDemoAsync(second.Path, "--articles", "500", "--seed", "7"),
            await SeedDemoAsync(other.Path, "--articles", "500", "--seed", "8"),
        };

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Describe()));
        var a = await ArticlesAsync(first.Path);
        var b = await ArticlesAsync(second.Path);
        var c = await ArticlesAsync(other.Path);
        Assert.Equal(500, a.Count);
        Assert.Equal(a, b);
        Assert.Empty(a.Select(x => x.UrlKey).Intersect(c.Select(x => x.UrlKey)));
        Assert.NotEqual(a.Select(x => x.Title).Order(), c.Select(x => x.Title).Order());
    }

    [Theory]
    [InlineData("seed-demo")]
    [InlineData("seed-demo", "--articles", "abc")]
    [InlineData("seed-demo", "--articles", "0")]
    [InlineData("seed-demo", "--articles=-5")]
    [InlineData("seed-demo", "--articles", "5000001")]
    [InlineData("seed-demo", "--articles", "1e3")]
    [InlineData("seed-demo", "--articles", "10", "--seed", "x")]
    public async Task SeedDemo_BadArguments_ExitTwoWithAnEnglishUsageMessage(params string[] args)
    {
        using var data = TempFolder.Create();

        var run = await PortalProcess.RunAsync(null, [.. args, $"--Storage:DataPath={data.Path}", "--Import:SeedOnStartup=false"]);

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Empty(run.StdOutLines);
        Assert.StartsWith("seed-demo", run.StdErrLines[0], StringComparison.Ordinal);
        Assert.Contains(run.StdErrLines, l => l.StartsWith("seed-demo --articles N [--seed S]", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(data.Path, "portal.db")), "a usage error must not touch the store");
    }

    [Fact]
    public async Task SeedDemo_ExtraArgument_ExitsTwo()
    {
        using var data = TempFolder.Create();

        var run = await SeedDemoAsync(data.Path, "--articles", "10", "more");

        Assert.True(run.ExitCode == 2, run.Describe());
    }

    private static Task<ProcessResult> SeedDemoAsync(string dataPath, params string[] args) =>
        PortalProcess.RunAsync(null, ["seed-demo", .. args, $"--Storage:DataPath={dataPath}", "--Import:SeedOnStartup=false"]);

    private static async Task<List<(string UrlKey, string Title, string Body)>> ArticlesAsync(string dataPath)
    {
        using var store = BackupTestSupport.EmptySqlite(dataPath);
        var rows = await store.WithDbAsync(db => db.Articles.OrderBy(a => a.UrlKey)
            .Select(a => new { a.UrlKey, a.Title, a.BodyMarkdown }).ToListAsync());
        return rows.Select(r => (r.UrlKey, r.Title, r.BodyMarkdown)).ToList();
    }
}
