using Portal.Tests.Infrastructure;

namespace Portal.Tests.Import;

/// <summary>
/// The <c>import</c> verb as an operator runs it: the built Portal.Web.dll in its own process,
/// with its own SQLite store, which the verb migrates itself.
/// </summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public class ImportVerbTests
{
    [Fact]
    public async Task ImportVerb_SeedFolderTwice_FirstCreatesEverythingSecondChangesNothing()
    {
        using var data = TempFolder.Create();

        var first = await RunPortalAsync("import", Seeds.Folder, $"--Storage:DataPath={data.Path}", "--Import:SeedOnStartup=false");

        Assert.True(first.ExitCode == 0, first.Describe());
        Assert.Equal($"Imported 1 file(s): {Seeds.SeedRows} created, 0 updated, 0 unchanged.", Assert.Single(first.StdOutLines));
        Assert.Equal("", first.StdErr);

        var second = await RunPortalAsync("import", Seeds.Folder, $"--Storage:DataPath={data.Path}", "--Import:SeedOnStartup=false");

        Assert.True(second.ExitCode == 0, second.Describe());
        Assert.Equal($"Imported 1 file(s): 0 created, 0 updated, {Seeds.SeedRows} unchanged (nothing to change).", Assert.Single(second.StdOutLines));
        Assert.Equal("", second.StdErr);
    }

    [Fact]
    public async Task ImportVerb_BadDate_ExitsOneNamingFileAndLineOnStandardError()
    {
        using var data = TempFolder.Create();
        using var pages = TempFolder.Create();
        var file = pages.Write("bad.txt", SeedPage.ReplaceOnce(SeedPage.Text, "2023-11-21", "2023-13-45"));

        var run = await RunPortalAsync("import", file, $"--Storage:DataPath={data.Path}", "--Import:SeedOnStartup=false");

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Empty(run.StdOutLines);
        var error = Assert.Single(run.StdErrLines);
        Assert.StartsWith(
            $"Import failed, nothing was changed: {file}:{SeedPage.DateLineNumber}: \"2023-13-45\" is not a valid date",
            error,
            StringComparison.Ordinal);
    }

    private static Task<ProcessResult> RunPortalAsync(params string[] args) => PortalProcess.RunAsync(null, args);
}
