using System.Diagnostics;
using System.Text;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Import;

/// <summary>
/// The <c>import</c> verb as an operator runs it: the built Portal.Web.dll in its own process,
/// with its own SQLite store, which the verb migrates itself.
/// </summary>
public class ImportVerbTests
{
    private const int SeedRows = 7 + 1 + 2 + 9 + 1;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ImportVerb_SeedFolderTwice_FirstCreatesEverythingSecondChangesNothing()
    {
        using var data = TempFolder.Create();

        var first = await RunPortalAsync("import", Seeds.Folder, $"--Storage:DataPath={data.Path}", "--Import:SeedOnStartup=false");

        Assert.True(first.ExitCode == 0, first.Describe());
        Assert.Equal($"Imported 1 file(s): {SeedRows} created, 0 updated, 0 unchanged.", Assert.Single(first.StdOutLines));
        Assert.Equal("", first.StdErr);

        var second = await RunPortalAsync("import", Seeds.Folder, $"--Storage:DataPath={data.Path}", "--Import:SeedOnStartup=false");

        Assert.True(second.ExitCode == 0, second.Describe());
        Assert.Equal($"Imported 1 file(s): 0 created, 0 updated, {SeedRows} unchanged (nothing to change).", Assert.Single(second.StdOutLines));
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
        var error = Assert.Single(run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith(
            $"Import failed, nothing was changed: {file}:{SeedPage.DateLineNumber}: \"2023-13-45\" is not a valid date",
            error,
            StringComparison.Ordinal);
    }

    private static async Task<ProcessResult> RunPortalAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} should be next to the test assembly");

        // The SDK's test runner names the dotnet host it runs on; fall back to the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', start.ArgumentList)} did not exit within {Timeout}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
    {
        public string[] StdOutLines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public string Describe() => $"exit code {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
    }
}
