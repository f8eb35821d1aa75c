using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

using Portal.Tests.Infrastructure;

namespace Portal.Tests.Editor;

/// <summary>
/// The vendoring step (src/Portal.Web/ClientLib/build.mjs): run as on a fresh clone, into a temp
/// copy of its folder, it writes the pinned editor bundle, which loads nothing from elsewhere.
/// No store is involved: these run in the SQLite pass only.
/// </summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public sealed partial class VendoringTests
{
    private static readonly string ClientLib = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Portal.Web", "ClientLib"));

    private static string PinnedVersion()
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(ClientLib, "package-lock.json")));
        return lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/@toast-ui/editor").GetProperty("version").GetString()!;
    }

    [Fact]
    public void PackageFiles_PinExactVersions()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(ClientLib, "package.json")));
        var dependencies = package.RootElement.GetProperty("dependencies").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal("3.2.2", dependencies["@toast-ui/editor"]);
        Assert.All(dependencies.Values, version => Assert.Matches(@"^\d+\.\d+\.\d+$", version));
        Assert.Equal("3.2.2", PinnedVersion());
    }

    [Fact]
    public async Task BuildScript_OnAFreshCopy_WritesThePinnedBundle()
    {
        var copy = Directory.CreateTempSubdirectory("portal-clientlib-");
        try
        {
            // What a fresh clone has: the tracked files, no node_modules, no output.
            foreach (var name in new[] { "package.json", "package-lock.json", "entry.js", "build.mjs" })
            {
                File.Copy(Path.Combine(ClientLib, name), Path.Combine(copy.FullName, name));
            }

            var output = Path.Combine(copy.FullName, "out", "editor");
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = copy.FullName };
            start.ArgumentList.Add(Path.Combine(copy.FullName, "build.mjs"));
            start.ArgumentList.Add(output);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"build.mjs exited {process.ExitCode}: {await stdout}{await stderr}");

            AssertBundle(output);
            // The staging folder is gone.
            Assert.Equal(["LICENSES.txt", "editor.css", "editor.js"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void BuiltBundle_InTheWebRoot_IsThePinnedOne()
    {
        // Built by the web project's build before these tests ran.
        AssertBundle(Path.GetFullPath(Path.Combine(ClientLib, "..", "wwwroot", "lib", "editor")));
        // The one address the bundle would call is switched off where the editor is created.
        Assert.Contains("usageStatistics: false,", File.ReadAllText(Path.Combine(ClientLib, "..", "wwwroot", "js", "editor.js")), StringComparison.Ordinal);
    }

    private static void AssertBundle(string folder)
    {
        var version = PinnedVersion();
        var script = File.ReadAllText(Path.Combine(folder, "editor.js"));
        var styles = File.ReadAllText(Path.Combine(folder, "editor.css"));
        var licences = File.ReadAllText(Path.Combine(folder, "LICENSES.txt"));
        Assert.True(script.Length > 300_000, $"editor.js is {script.Length} characters");
        Assert.True(styles.Length > 50_000, $"editor.css is {styles.Length} characters");
        Assert.StartsWith($"/*! @toast-ui/editor {version} (MIT)", script, StringComparison.Ordinal);
        Assert.StartsWith($"/*! @toast-ui/editor {version} (MIT)", styles, StringComparison.Ordinal);
        Assert.Contains($"@toast-ui/editor {version} (MIT)", licences, StringComparison.Ordinal);
        Assert.Contains("prosemirror-view", licences, StringComparison.Ordinal);
        // The Chinese labels are in the bundle (esbuild writes ASCII: 插入表格 as escapes).
        Assert.Contains(@"""Insert table"":""\u63D2\u5165\u8868\u683C""", script, StringComparison.Ordinal);
        Assert.Contains("window.toastui", script, StringComparison.Ordinal);

        // Nothing is loaded from elsewhere: no import, script, style sheet, font or image by an
        // absolute address. (The bundle names the XML namespaces, ProseMirror's guide in an error
        // message and the usage statistics address, which editor.js switches off and the CSP refuses.)
        var allowed = new[] { "http://www.w3.org/", "https://prosemirror.net/docs/", "https://www.google-analytics.com/collect" };
        foreach (Match url in AbsoluteUrl().Matches(script + styles))
        {
            Assert.True(allowed.Any(a => url.Value.StartsWith(a, StringComparison.Ordinal)) || url.Value is "http://" or "https://", $"the bundle names {url.Value}");
        }

        Assert.DoesNotMatch(@"@import|url\(\s*['""]?(https?:)?//", styles);
        Assert.DoesNotMatch(@"(cdn|unpkg|jsdelivr|uicdn)\.", script + styles);
    }

    [GeneratedRegex(@"https?://[^\s""'`)]*")]
    private static partial Regex AbsoluteUrl();
}
