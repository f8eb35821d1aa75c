namespace Portal.Tests.Infrastructure;

/// <summary>
/// Which store the integration tests run on. `bash tests/run` runs the suite twice: on SQLite,
/// and with <c>PORTAL_TEST_PROVIDER=PostgreSql</c> on a private PostgreSQL server, where every
/// <see cref="PortalFactory"/> that names no provider of its own gets a fresh database.
/// </summary>
public static class TestDatabase
{
    /// <summary>The trait of tests that only make sense on SQLite (its files, its dump of sqlite_master).</summary>
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>The trait of tests that choose their provider themselves (run once, whatever the pass).</summary>
    public const string ExplicitProvider = "ExplicitProvider";

    private static readonly Lazy<PostgresServer> Server = new(StartServer);

    /// <summary>Whether this run puts the suite on PostgreSQL.</summary>
    public static bool IsPostgreSql =>
        string.Equals(Environment.GetEnvironmentVariable("PORTAL_TEST_PROVIDER"), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The settings that put a factory on a fresh PostgreSQL database of the shared server.</summary>
    public static Dictionary<string, string?> PostgreSqlSettings() => new()
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Portal"] = Server.Value.ConnectionString("t_" + Guid.NewGuid().ToString("N")),
        ["Database:MigrateOnStartup"] = "true",
        ["Import:SeedOnStartup"] = "true",
    };

    /// <summary>
    /// Settings that put a factory on a SQLite database that cannot be opened (a file in a folder
    /// that does not exist, read-only so nothing creates it), and leave it unmigrated and unseeded: every
    /// request that reads the store fails as when the database is away.
    /// </summary>
    public static Dictionary<string, string?> UnreachableSqliteSettings()
    {
        var missing = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"), "no-such-folder", "portal.db");
        return new()
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = $"Data Source={missing};Mode=ReadOnly",
            ["Database:MigrateOnStartup"] = "false",
            ["Import:SeedOnStartup"] = "false",
        };
    }

    private static PostgresServer StartServer()
    {
        if (PostgresServer.UnavailableReason is { } reason)
        {
            throw new InvalidOperationException("PORTAL_TEST_PROVIDER=PostgreSql, but " + reason);
        }

        var server = new PostgresServer();
        server.InitializeAsync().GetAwaiter().GetResult();

        // One server for the whole test process, stopped when the process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().GetAwaiter().GetResult();
        return server;
    }
}
