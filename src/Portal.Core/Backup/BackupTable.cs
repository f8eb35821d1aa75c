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

    public override async Task<IReadOnlyList<object>> ParseAsync(Stream stream, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var rows = await JsonSerializer.DeserializeAsync<List<T?>>(stream, options, cancellationToken)
            ?? throw new JsonException("the file holds null instead of an array of rows");
        return rows.Select(r => (object?)r ?? throw new JsonException("the file holds a null row")).ToList();
    }

    public override Task<int> CountAsync(PortalDbContext db, CancellationToken cancellationToken) => db.Set<T>().CountAsync(cancellationToken);

    public override Task DeleteAllAsync(PortalDbContext db, CancellationToken cancellationToken) => db.Set<T>().ExecuteDeleteAsync(cancellationToken);

    public override void Add(PortalDbContext db, IReadOnlyList<object> rows) => db.Set<T>().AddRange(rows.Cast<T>());

    private static int CompareKeys(object? a, object? b) => a is string x && b is string y
        ? string.CompareOrdinal(x, y)
        : Comparer<object?>.Default.Compare(a, b);
}
