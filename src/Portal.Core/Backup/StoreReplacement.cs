using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Search;

namespace Portal.Core.Backup;

/// <summary>
/// Replaces everything in the store with an archive's rows, ids included, in one transaction:
/// every row is deleted and the archive's inserted; the provider's explicit-id step
/// (<see cref="ExplicitIdInsertion"/>) runs around the inserts. Any failure rolls it all back.
/// </summary>
internal sealed class StoreReplacement(PortalDbContext db, TimeProvider time)
{
    /// <summary>
    /// Refuses a store that holds anything but the roles, which every migrated store has
    /// (<c>StoreInitializer</c> creates them) and which the archive's roles replace.
    /// </summary>
    /// <exception cref="BackupException">The store holds content.</exception>
    public async Task RefuseNonEmptyAsync(CancellationToken cancellationToken)
    {
        var held = new List<string>();
        foreach (var table in BackupFormat.Tables.Where(t => t.Name is not ("roles" or "role-claims")))
        {
            var count = await table.CountAsync(db, cancellationToken);
            if (count > 0)
            {
                held.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {table.Name}"));
            }
        }

        if (held.Count > 0)
        {
            throw new BackupException($"Restore refused, nothing was changed: the target store is not empty (it holds {string.Join(", ", held)}). Use --force to replace everything in it.");
        }
    }

    /// <summary>Deletes every row and inserts <paramref name="tables"/>' rows, in one transaction.</summary>
    /// <exception cref="BackupException">The database refused a statement; the transaction was rolled back.</exception>
    public async Task ReplaceAsync(IReadOnlyList<TableRows> tables, CancellationToken cancellationToken)
    {
        try
        {
            await db.InTransactionAsync(
                async () =>
                {
                    await ReplaceInTransactionAsync(tables, cancellationToken);
                    return true;
                },
                cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not (BackupException or OperationCanceledException))
        {
            // The transaction was rolled back (disposed without a commit): nothing was changed.
            throw new BackupException($"Restore failed and was rolled back, the store is unchanged: {ex.GetBaseException().Message.ReplaceLineEndings(" ")}", ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task ReplaceInTransactionAsync(IReadOnlyList<TableRows> tables, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();

        // A section's parent is a restricting foreign key, checked row by row on SQLite: detach
        // the tree first so one statement can delete all sections in any order.
        await db.Sections.ExecuteUpdateAsync(s => s.SetProperty(x => x.ParentId, (int?)null), cancellationToken);

        // Uses are not carried: the restored articles' saves write them again (MediaUseRecorder).
        await db.MediaUses.ExecuteDeleteAsync(cancellationToken);

        // Inspection runs describe the replaced content (their findings go with them): the
        // restored store is inspected again. External link checks stay: they are about addresses.
        await db.InspectionRuns.ExecuteDeleteAsync(cancellationToken);
        foreach (var table in BackupFormat.Tables.Reverse())
        {
            await table.DeleteAllAsync(db, cancellationToken);
        }

        var explicitIds = ExplicitIdInsertion.For(db);
        foreach (var (table, rows) in tables)
        {
            if (rows.Count == 0)
            {
                continue;
            }

            await explicitIds.BeforeTableAsync(table, cancellationToken);
            table.Add(db, rows);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await explicitIds.AfterTableAsync(table, cancellationToken);
        }

        await explicitIds.AfterAllTablesAsync(cancellationToken);

        // Everything readers see was replaced below the change tracker: every indexer rebuilds.
        ContentChangeRecorder.Add(db, ContentChangeKind.All, null, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }
}
