using System.Data.Common;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Import;

/// <summary>The seed page as the file on disk says it, read line by line rather than retyped.</summary>
internal static class SeedPage
{
    public const string FileName = "000_99e2a6c886f82a7c.txt";

    /// <summary>The seed's physical lines; index 0 is line 1.</summary>
    public static IReadOnlyList<string> Lines { get; } = File.ReadAllLines(Seeds.TurpanPage);

    /// <summary>The 1-based line of the 日期/来源 line.</summary>
    public static int DateLineNumber => LineNumberOf(l => l.StartsWith("日期：", StringComparison.Ordinal));

    /// <summary>The 1-based line of the footer's first line (links and 版权所有).</summary>
    public static int FooterLineNumber => LineNumberOf(l => l.Contains("版权所有", StringComparison.Ordinal));

    /// <summary>
    /// The body paragraphs: the non-blank lines among lines 9-17 of the seed file, between the
    /// date line (7) and the footer (19); five of them (lines 9, 11, 13, 15 and 17), each
    /// followed by a blank line. Counted, not indexed, so a test can check there are five.
    /// </summary>
    public static IReadOnlyList<string> Paragraphs { get; } = Lines.Skip(8).Take(9).Where(l => l.Length > 0).ToList();

    public static string Text => Seeds.TurpanText;

    private static int LineNumberOf(Func<string, bool> predicate)
    {
        var matches = Lines.Select((line, index) => (line, index)).Where(x => predicate(x.line)).ToList();
        return matches.Count == 1
            ? matches[0].index + 1
            : throw new InvalidOperationException($"expected one matching line in the seed, found {matches.Count}");
    }

    /// <summary>
    /// Replaces the one occurrence of <paramref name="oldValue"/>; a derived test input that silently
    /// equals the seed would make its test pass for the wrong reason.
    /// </summary>
    public static string ReplaceOnce(string text, string oldValue, string newValue)
    {
        var first = text.IndexOf(oldValue, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(oldValue, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"expected exactly one \"{oldValue}\" in the text");
        }

        return string.Concat(text.AsSpan(0, first), newValue, text.AsSpan(first + oldValue.Length));
    }
}

/// <summary>A temp folder that deletes itself; optionally a copy of the seed folder.</summary>
internal sealed class TempFolder : IDisposable
{
    private TempFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>The copied seed page in this folder (only for <see cref="CopyOfSeeds"/>).</summary>
    public string SeedPagePath => System.IO.Path.Combine(Path, SeedPage.FileName);

    public static TempFolder Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-tests", "import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new TempFolder(path);
    }

    public static TempFolder CopyOfSeeds() => new(Seeds.CopyToTempFolder());

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a BOM and returns the file's full path.</summary>
    public string Write(string relativePath, string text)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a process that is shutting down: the OS cleans temp later.
        }
    }
}

/// <summary>
/// Every row of every table of the SQLite store, in key order, every column included (timestamps
/// too), as one string: two snapshots are equal only if the store is exactly the same.
/// </summary>
internal sealed record StoreSnapshot(string Text, IReadOnlyDictionary<string, int> RowCounts)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<StoreSnapshot> TakeAsync(PortalFactory factory) => factory.WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var text = new StringBuilder();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                counts[table] = await DumpTableAsync(connection, table, text);
            }

            return new StoreSnapshot(text.ToString(), counts);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    /// <summary>The snapshot without one table's rows, to compare the rest of the store.</summary>
    public string TextWithout(string table)
    {
        var kept = Text.Split('\n').Where(line => !line.StartsWith(table + " ", StringComparison.Ordinal) && !line.StartsWith(table + "|", StringComparison.Ordinal));
        return string.Join('\n', kept);
    }

    private static async Task<int> DumpTableAsync(DbConnection connection, string table, StringBuilder text)
    {
        await using var select = connection.CreateCommand();
#pragma warning disable CA2100 // The table name comes from sqlite_master, not from input.
        select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
#pragma warning restore CA2100
        await using var reader = await select.ExecuteReaderAsync();
        text.Append(table).Append(" columns ").AppendJoin(',', Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)).Append('\n');
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            text.Append(table).Append('|');
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                text.Append(JsonSerializer.Serialize(value, Json)).Append('|');
            }

            text.Append('\n');
        }

        return rows;
    }
}

internal static class ImportTestExtensions
{
    /// <summary>Runs the app's own importer in a fresh scope, as the verb and start-up do.</summary>
    public static Task<ImportSummary> ImportAsync(this PortalFactory factory, string path) =>
        factory.WithScopeAsync(services => services.GetRequiredService<SiteImporter>().ImportAsync(path));
}

/// <summary>A factory on an empty, migrated store into which the seed folder has been imported once.</summary>
public sealed class SeededStoreFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; } = PortalFactory.Empty();

    /// <summary>The summary of the first import into the empty store.</summary>
    public ImportSummary FirstImport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The store is migrated when the host starts, which touching Services does.
        _ = Factory.Services;
        FirstImport = await Factory.ImportAsync(Seeds.Folder);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>
    /// A new factory on an empty, migrated store into which <paramref name="folder"/> has been
    /// imported once, for a test that changes the store; the caller disposes it.
    /// </summary>
    public static async Task<PortalFactory> ImportedAsync(string folder)
    {
        var factory = PortalFactory.Empty();
        try
        {
            _ = factory.Services;
            await factory.ImportAsync(folder);
            return factory;
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }
}
