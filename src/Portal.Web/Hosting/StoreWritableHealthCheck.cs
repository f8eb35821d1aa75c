using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Web.Hosting;

/// <summary>
/// Part of <c>/health/ready</c>: the store takes writes, asked the cheap way each provider allows
/// without writing anything. SQLite: the database was not opened read-only (a read-only file or
/// medium, <c>Mode=ReadOnly</c>) and <c>PRAGMA query_only</c> is off; PostgreSQL:
/// <c>transaction_read_only</c> is off (not a standby, no read-only default); SQL Server: the
/// database's <c>Updateability</c> is <c>READ_WRITE</c>. A full disk shows only when a write
/// fails; the error page then answers 503 (<see cref="DatabaseFailures"/>).
/// </summary>
public sealed class StoreWritableHealthCheck(PortalDbContext db, IOptions<DatabaseOptions> database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var readOnly = database.Value.ProviderKind switch
            {
                DatabaseProvider.Sqlite => SQLitePCL.raw.sqlite3_db_readonly(((SqliteConnection)connection).Handle, "main") == 1
                    || await ScalarAsync(connection, "PRAGMA query_only", cancellationToken) is "1",
                DatabaseProvider.PostgreSql => await ScalarAsync(connection, "SHOW transaction_read_only", cancellationToken) is "on",
                DatabaseProvider.SqlServer => await ScalarAsync(connection, "SELECT CONVERT(nvarchar(20), DATABASEPROPERTYEX(DB_NAME(), 'Updateability'))", cancellationToken) is "READ_ONLY",
                _ => false,
            };
            return readOnly
                ? new HealthCheckResult(context.Registration.FailureStatus, "The database is read-only: nothing can be saved.")
                : HealthCheckResult.Healthy();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statements are the constants above; nothing from a request reaches them.
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
