using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Backup;

/// <summary>One table of the archive: how it is read, written, parsed, emptied and filled.</summary>
internal abstract class BackupTable(string name)
{
    /// <summary>The table's name in the manifest and its file name without extension.</summary>
    public string Name => name;

    public string EntryName => BackupFormat.TablePrefix + name + ".json";

    public abstract Type ClrType { get; }

    /// <summary>Every row, untracked, in primary-key order (so two exports of one store are byte-equal but for the date).</summary>
    public abstract Task<IReadOnlyList<object>> ReadAsync(PortalDbContext db, CancellationToken cancellationToken);

    public abstract Task WriteAsync(Stream stream, IReadOnlyList<object> rows, JsonSerializerOptions options, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<object>> ParseAsync(Stream stream, JsonSerializerOptions options, CancellationToken cancellationToken);

    public abstract Task<int> CountAsync(PortalDbContext db, CancellationToken cancellationToken);

    /// <summary>Deletes every row in one statement, below the change tracker (and its audit guard).</summary>
    public abstract Task DeleteAllAsync(PortalDbContext db, CancellationToken cancellationToken);

    public abstract void Add(PortalDbContext db, IReadOnlyList<object> rows);
}

internal sealed class BackupTable<T>(string name) : BackupTable(name)
    where T : class
{
    public override Type ClrType => typeof(T);

    public override async Task<IReadOnlyList<object>> ReadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Set<T>().AsNoTracking().ToListAsync(cancellationToken);
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!).ToArray();
        rows.Sort((a, b) =>
        {
            foreach (var property in key)
            {
                var order = CompareKeys(property.GetValue(a), property.GetValue(b));
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        });
        return rows;
    }

    public override Task WriteAsync(Stream stream, IReadOnlyList<object> rows, JsonSerializerOptions options, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, rows.Cast<T>().ToList(), options, cancellationToken);

    /// <summary>
    /// Parses a table file: a JSON array with one object per row. Each row is read on its own, so a
    /// bad one is named by its number and column.
    /// </summary>
    /// <exception cref="JsonException">The file is not JSON, not an array of objects, or a value does not fit its column; the message says which.</exception>
    public override async Task<IReadOnlyList<object>> ParseAsync(Stream stream, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"the file must hold a JSON array of rows, not {Kind(root.ValueKind)}.");
        }

        var rows = new List<object>(root.GetArrayLength());
        foreach (var row in root.EnumerateArray())
        {
            var number = rows.Count + 1;
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"row {number} is {Kind(row.ValueKind)}, not an object of columns."));
            }

            try
            {
                rows.Add(row.Deserialize<T>(options)!);
            }
            catch (JsonException ex)
            {
                throw new JsonException(RowProblem(number, row, ex), ex);
            }
        }

        return rows;
    }

    /// <summary>Which column of which row did not fit, and what it held instead.</summary>
    private static string RowProblem(int number, JsonElement row, JsonException ex)
    {
        var column = ex.Path is { } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        var property = column is null ? null : typeof(T).GetProperty(column);
        if (property is null || !row.TryGetProperty(column!, out var value))
        {
            return string.Create(CultureInfo.InvariantCulture, $"row {number} does not fit the table: {ex.Message}");
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return string.Create(CultureInfo.InvariantCulture, $"row {number}, column {column}: {Kind(value.ValueKind)} does not fit the column ({type.Name}).");
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    public override Task<int> CountAsync(PortalDbContext db, CancellationToken cancellationToken) => db.Set<T>().CountAsync(cancellationToken);

    public override Task DeleteAllAsync(PortalDbContext db, CancellationToken cancellationToken) => db.Set<T>().ExecuteDeleteAsync(cancellationToken);

    public override void Add(PortalDbContext db, IReadOnlyList<object> rows) => db.Set<T>().AddRange(rows.Cast<T>());

    private static int CompareKeys(object? a, object? b) => a is string x && b is string y
        ? string.CompareOrdinal(x, y)
        : Comparer<object?>.Default.Compare(a, b);
}
