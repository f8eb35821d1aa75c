using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Backup;

/// <summary>
/// Every row of every table of the model (Identity's included), read through EF on any provider,
/// in key order, every mapped column formatted invariantly, as one JSON text: two stores with
/// equal dumps hold the same content. Independent of the backup code it checks.
/// </summary>
/// <remarks>
/// Timestamps are compared to the microsecond: PostgreSQL keeps microseconds, .NET ticks are a
/// tenth of that, so a tick-precise value written by SQLite loses its last digit on PostgreSQL
/// (documented in docs/backup.md); the kind (Utc) is compared too.
/// </remarks>
internal static class CanonicalDump
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<string> TakeAsync(PortalFactory factory) => factory.WithDbAsync(TakeAsync);

    public static async Task<string> TakeAsync(PortalDbContext db)
    {
        var tables = new SortedDictionary<string, List<SortedDictionary<string, string?>>>(StringComparer.Ordinal);
        var read = typeof(CanonicalDump).GetMethod(nameof(RowsAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        // The change log says how a store got where it is, not what it holds: it is left out.
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.ClrType != typeof(ContentChange)))
        {
            var rows = await (Task<List<object>>)read.MakeGenericMethod(entity.ClrType).Invoke(null, [db])!;
            var key = entity.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!).ToList();
            rows.Sort((a, b) => key.Select(p => Compare(p.GetValue(a), p.GetValue(b))).FirstOrDefault(c => c != 0));
            var columns = entity.GetProperties().ToList();
            tables[entity.GetTableName()!] = rows
                .Select(row => new SortedDictionary<string, string?>(
                    columns.ToDictionary(c => c.Name, c => Format(c.PropertyInfo!.GetValue(row))), StringComparer.Ordinal))
                .ToList();
        }

        return JsonSerializer.Serialize(tables, Json);
    }

    private static async Task<List<object>> RowsAsync<T>(PortalDbContext db)
        where T : class => (await db.Set<T>().AsNoTracking().ToListAsync()).Cast<object>().ToList();

    private static int Compare(object? a, object? b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : Comparer<object?>.Default.Compare(a, b);

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + " " + t.Kind,
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
