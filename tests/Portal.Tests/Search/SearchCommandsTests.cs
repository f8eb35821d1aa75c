using Portal.Tests.Backup;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>What the commands outside the editorial workflow do to search: import, restore, and the reindex verb.</summary>
public sealed class SearchCommandsTests
{
    [Fact]
    public async Task Import_IntoARunningPortal_IsFoundWithinTwoSeconds()
    {
        using var folder = TempFolder.CopyOfSeeds();
        using var factory = PortalFactory.Empty();
        await SearchProbe.CaughtUpAsync(factory);
        Assert.Empty(await SearchProbe.KeysAsync(factory, "吐鲁番"));

        await factory.ImportAsync(folder.Path);

        Assert.NotNull(await SearchProbe.UntilAsync(factory, "吐鲁番", keys => keys.Count == 1));
    }

    [Fact]
    public async Task Restore_WithForce_IsFollowedByARebuild_OfWhatTheArchiveHolds()
    {
        using var folder = TempFolder.Create();
        using var source = await BackupTestSupport.SeededSourceAsync();
        var file = Path.Combine(folder.Path, "site.zip");
        await BackupTestSupport.ExportAsync(source, file);

        // The target's own article is replaced by the archive's: search follows, as readers do.
        using var target = PortalFactory.Empty();
        await target.WithDbAsync(async db =>
        {
            db.Articles.Add(TestContent.Article("replaced1", "将被替换的文章：坎儿井", TestContent.Section("旧栏目", "旧", "jiu"), TestContent.Epoch));
            return await db.SaveChangesAsync();
        });
        Assert.NotNull(await SearchProbe.UntilAsync(target, "坎儿井", keys => keys.Contains("replaced1")));

        await BackupTestSupport.RestoreAsync(target, file, force: true);

        Assert.NotNull(await SearchProbe.UntilAsync(target, "吐鲁番", keys => keys.Count == 1));
        Assert.NotNull(await SearchProbe.UntilTotalAsync(target, "坎儿井", total => total == 0));

        // One rebuild answers the restore's request: the passes after it (which apply the last
        // rows of the log again) do not start another.
        await SearchProbe.CaughtUpAsync(target);
        var index = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Portal.Core.Search.SearchIndex>(target.Services);
        var generation = index.Generation;
        await Task.Delay(1500);
        Assert.Equal(generation, index.Generation);
    }

    [Fact]
    [Trait("Store", TestDatabase.ExplicitProvider)]
    public async Task ReindexVerb_RebuildsTheDataFoldersIndex_AndSaysHowMany()
    {
        using var folder = TempFolder.Create();
        var data = Path.Combine(folder.Path, "data");
        var import = await PortalProcess.RunAsync(null, "import", Seeds.Folder, $"--Storage:DataPath={data}");
        Assert.True(import.ExitCode == 0, import.Describe());

        var first = await PortalProcess.RunAsync(null, "reindex", $"--Storage:DataPath={data}");
        var again = await PortalProcess.RunAsync(null, "reindex", $"--Storage:DataPath={data}");

        Assert.True(first.ExitCode == 0, first.Describe());
        Assert.Matches(@"^Rebuilt the search index at .*search: 1 article\(s\) in \d+\.\d s\.$", Assert.Single(first.StdOutLines));
        Assert.True(again.ExitCode == 0, again.Describe());
        Assert.True(File.Exists(Path.Combine(data, "search", "write.lock")) || Directory.GetFiles(Path.Combine(data, "search"), "segments_*").Length > 0);

        // A portal on that folder finds what the verb indexed.
        using var portal = new PortalFactory(new Dictionary<string, string?> { ["Storage:DataPath"] = data, ["Database:Provider"] = "Sqlite" });
        Assert.NotNull(await SearchProbe.UntilAsync(portal, "吐鲁番", keys => keys.Count == 1, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task ReindexVerb_WithExtraArguments_IsAUsageError()
    {
        var result = await PortalProcess.RunAsync(null, "reindex", "now");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("reindex", result.StdErr, StringComparison.Ordinal);
    }
}
