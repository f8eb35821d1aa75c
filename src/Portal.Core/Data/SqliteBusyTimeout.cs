using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Core.Data;

/// <summary>
/// Gives every SQLite connection SQLite's own busy handler (<c>PRAGMA busy_timeout</c>). The
/// store has one writer at a time; a write that meets another connection's lock (the search
/// indexer reading, a second request writing) waits for it inside SQLite, transactions included,
/// instead of failing at once with "database is locked", which Microsoft.Data.Sqlite's own retry
/// loop does not cover for every statement of a transaction.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for a lock before it fails: long enough for any write of ours, short of a request timeout.</summary>
    public const int Milliseconds = 10_000;

    private static readonly string Pragma = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {Milliseconds};");

    public static SqliteBusyTimeout Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
