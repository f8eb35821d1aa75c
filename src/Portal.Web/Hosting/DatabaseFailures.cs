using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Web.Hosting;

/// <summary>
/// Which database errors are a temporary outage of the store (the error page answers 503 with
/// <c>Retry-After</c>) rather than a fault of the portal (500): the database cannot be reached,
/// or it answers but cannot take writes because it is read-only or its disk is full.
/// </summary>
public static class DatabaseFailures
{
    // SQLite result codes (https://sqlite.org/rescode.html); an extended code carries its primary one in the low byte.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    // PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
    private const string PostgresReadOnlyTransaction = "25006";
    private const string PostgresDiskFull = "53100";

    // SQL Server error numbers: database read-only; filegroup full; transaction log full.
    private static readonly int[] SqlServerCannotWrite = [3906, 1105, 9002];

    /// <summary>
    /// Whether <paramref name="exception"/> (or one it wraps, such as EF Core's
    /// <c>DbUpdateException</c>) says the store is away or cannot take writes. A constraint
    /// violation or a bad query is not: it stays a 500.
    /// </summary>
    public static bool IsStoreUnavailable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var unavailable = current switch
            {
                SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteFull or SqliteCantOpen,
                PostgresException postgres => postgres.IsTransient || postgres.SqlState is PostgresReadOnlyTransaction or PostgresDiskFull,
                SqlException sqlServer => sqlServer.IsTransient || sqlServer.Errors.Cast<SqlError>().Any(e => SqlServerCannotWrite.Contains(e.Number)),

                // Connection refused, timeouts: the providers mark those transient.
                DbException { IsTransient: true } => true,
                _ => false,
            };
            if (unavailable)
            {
                return true;
            }
        }

        return false;
    }
}
