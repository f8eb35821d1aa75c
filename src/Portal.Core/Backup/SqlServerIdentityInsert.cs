using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Backup;

/// <summary>
/// SQL Server accepts explicit values in an identity column only while <c>IDENTITY_INSERT</c> is
/// on for that table (one table at a time, per connection, which the transaction holds open); it
/// then moves the identity past the largest inserted id by itself.
/// </summary>
internal sealed class SqlServerIdentityInsert(PortalDbContext db) : ExplicitIdInsertion(db)
{
    public override Task BeforeTableAsync(BackupTable table, CancellationToken cancellationToken) =>
        SetAsync(table, "ON", cancellationToken);

    public override Task AfterTableAsync(BackupTable table, CancellationToken cancellationToken) =>
        SetAsync(table, "OFF", cancellationToken);

    private async Task SetAsync(BackupTable table, string onOrOff, CancellationToken cancellationToken)
    {
        if (IdentityKeyColumn(table) is null)
        {
            return;
        }

        // The table name is the model's, quoted by the provider; nothing comes from the archive.
        var sql = $"SET IDENTITY_INSERT {DelimitedTableName(table)} {onOrOff}";
        await Db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }
}
