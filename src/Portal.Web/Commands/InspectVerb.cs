using System.Text.Encodings.Web;
using System.Text.Json;
using Portal.Core.Inspection;

namespace Portal.Web.Commands;

/// <summary>
/// The <c>inspect</c> verb: every inspection rule on the store now, for monitoring (cron, a site's
/// content CI), including <c>broken-link</c> with the stored external results; nothing is stored.
/// Exit code 0 without a veto finding, 3 with one (1 when it could not run, from the runner).
/// </summary>
public static class InspectVerb
{
    /// <summary>The exit code when a finding is a 单项否决 risk.</summary>
    public const int VetoExitCode = 3;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static async Task<int> RunAsync(IServiceProvider services, bool json, TextWriter output)
    {
        // Reads only: prints the rules' findings now without storing a run, and takes external
        // links' results from the background checker's store (younger than a day) without asking
        // the network, so it runs the same offline, from cron or a content CI.
        var findings = await services.GetRequiredService<InspectionRecorder>().InspectAsync(checkExternal: false);
        if (json)
        {
            var rows = findings.Select(f => new { rule = f.Rule, level = f.LevelName, subject = f.Subject, message = f.Message, url = f.Url });
            await output.WriteLineAsync(JsonSerializer.Serialize(rows, Json));
        }
        else
        {
            foreach (var f in findings)
            {
                await output.WriteLineAsync($"{f.LevelName,-8}{f.Rule,-20}{f.Subject}：{f.Message} {f.Url}");
            }

            var vetoes = findings.Count(f => f.Level == InspectionLevel.Veto);
            var warnings = findings.Count(f => f.Level == InspectionLevel.Warning);
            await output.WriteLineAsync(System.FormattableString.Invariant($"{findings.Count} finding(s): {vetoes} veto, {warnings} warning, {findings.Count - vetoes - warnings} info."));
        }

        return findings.Any(f => f.Level == InspectionLevel.Veto) ? VetoExitCode : 0;
    }
}
