using Portal.Tests.Import;
using Portal.Tests.Infrastructure;
using Portal.Web.Commands;

namespace Portal.Tests.Backup;

/// <summary>The export and restore verbs as an operator runs them.</summary>
public sealed class BackupVerbTests
{
    // The verbs run on the SQLite file in the data folder they are given.
    [Fact]
    [Trait("Store", TestDatabase.ExplicitProvider)]
    public async Task ExportThenRestore_Verbs_MoveTheSiteToANewDataFolder()
    {
        using var folder = TempFolder.Create();
        using var source = await BackupTestSupport.SeededSourceAsync(sqlite: true);
        var file = Path.Combine(folder.Path, "site.zip");
        var targetData = Path.Combine(folder.Path, "target");

        var export = await PortalProcess.RunAsync(null, "export", file, $"--Storage:DataPath={source.DataPath}");
        var restore = await PortalProcess.RunAsync(null, "restore", file, "--force", $"--Storage:DataPath={targetData}");

        Assert.True(export.ExitCode == 0, export.Describe());
        Assert.True(restore.ExitCode == 0, restore.Describe());
        Assert.Matches(@"^Exported \d+ rows and 1 media files to .*site\.zip\.$", Assert.Single(export.StdOutLines));
        Assert.Matches(@"^Restored \d+ rows and 1 media files from .*site\.zip\.$", Assert.Single(restore.StdOutLines));
        using var target = BackupTestSupport.EmptySqlite(targetData);
        Assert.Equal(await CanonicalDump.TakeAsync(source), await CanonicalDump.TakeAsync(target));
        Assert.Equal(BackupTestSupport.MediaFiles(source), BackupTestSupport.MediaFiles(target));
    }

    [Fact]
    public void Parse_ForceFlag_TakesNoValue()
    {
        var invocation = Invocation.Parse(["restore", "--force", "site.zip", "--Database:Provider=Sqlite"]);

        Assert.Equal("restore", invocation.Verb);
        Assert.Equal(["site.zip"], invocation.VerbArgs);
        Assert.True(invocation.VerbOptions.ContainsKey("--force"));
        Assert.Equal(["--Database:Provider=Sqlite"], invocation.HostArgs);
    }

    [Theory]
    [InlineData("--force=false")]
    [InlineData("--force=")]
    public void Parse_ForceFlagWithAValue_ForcesNothingAndBreaksTheArgumentCount(string flag)
    {
        var invocation = Invocation.Parse(["restore", flag, "site.zip"]);

        Assert.False(invocation.VerbOptions.ContainsKey("--force"));
        Assert.Equal(2, invocation.VerbArgs.Count); // restore takes one file: a usage error, exit 2
    }
}
