using System.Data;
using Portal.Core.Data;

namespace Portal.Core.Backup;

/// <summary>What an export writes: every carried table's rows, read as one consistent state of the store.</summary>
internal static class StoreSnapshot
{
    /// <summary>Every table's rows, read in one transaction so the archive is one consistent state of the store.</summary>
    public static Task<IReadOnlyList<TableRows>> ReadAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        // Repeatable read is a snapshot on PostgreSQL; SQLite upgrades it to serializable.
        db.InTransactionAsync<IReadOnlyList<TableRows>>(
            async () =>
            {
                var tables = new List<TableRows>();
                foreach (var table in BackupFormat.Tables)
                {
                    tables.Add(new TableRows(table, await table.ReadAsync(db, cancellationToken)));
                }

                return tables;
            },
            commit: null,
            IsolationLevel.RepeatableRead,
            cancellationToken);
}
