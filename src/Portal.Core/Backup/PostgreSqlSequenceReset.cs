using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Backup;

/// <summary>
/// Rows inserted with explicit ids leave PostgreSQL's identity sequences where they were, and the
/// next insert would collide with a restored id: each sequence is moved past its table's largest id.
/// </summary>
internal sealed class PostgreSqlSequenceReset(PortalDbContext db) : ExplicitIdInsertion(db)
{
    public override async Task AfterAllTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var table in BackupFormat.Tables)
        {
            if (IdentityKeyColumn(table) is not { } column)
            {
                continue;
            }

            var tableName = DelimitedTableName(table);

            // Names come from the model, never from the archive. setval is not undone by a rollback,
            // so the sequence only ever moves forward: past the restored ids and never below where
            // it stood, whatever happens to the transaction afterwards.
            var sequence = $"pg_get_serial_sequence('{tableName}', '{column}')";
            var sql = $"SELECT setval({sequence}, GREATEST(COALESCE(MAX({Delimit(column)}), 0), COALESCE(pg_sequence_last_value({sequence}::regclass), 0)) + 1, false) FROM {tableName}";
            await Db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }
}
