using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server for the tests: Debian's binaries, a temp data folder, a free
/// loopback port, fsync off. Started once for the test run (an xunit collection fixture) and
/// stopped when the run ends, also when tests fail. Where the binaries are missing, the
/// PostgreSQL tests are reported as skipped with the reason (<see cref="PostgresFactAttribute"/>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string _folder = "";

    /// <summary>The folder of pg_ctl and initdb, or null when PostgreSQL is not installed.</summary>
    public static string? BinFolder { get; } = FindBinaries();

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? UnavailableReason => BinFolder is null
        ? "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl); `bash tests/run` installs Debian's postgresql package where it can."
        : null;

    public int Port { get; private set; }

    /// <summary>The connection string of a database on this server (EF creates it when it migrates).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=15";

    /// <summary>
    /// The settings that put a portal on <paramref name="database"/> of this server, with the
    /// background scheduler off; migrated on start-up only when <paramref name="migrate"/> is set,
    /// so tests of the server defaults can leave it out.
    /// </summary>
    public Dictionary<string, string?> PortalSettings(string database, bool migrate = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = ConnectionString(database),
            ["Publishing:Enabled"] = "false",
        };
        if (migrate)
        {
            settings["Database:MigrateOnStartup"] = "true";
        }

        return settings;
    }

    public async Task InitializeAsync()
    {
        if (BinFolder is null)
        {
            return;
        }

        // Under tests/run, inside that run's own temp folder (PORTAL_TEST_TEMP), which the script
        // removes at exit: a server the test process could not stop in time leaves nothing behind.
        var root = Environment.GetEnvironmentVariable("PORTAL_TEST_TEMP") is { Length: > 0 } runFolder ? runFolder : Path.GetTempPath();
        _folder = Path.Combine(root, "portal-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        Port = FreePort();

        // initdb and postgres refuse to run as root: as root, the server runs as the postgres user.
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", _folder]);
        }

        await RunPostgresToolAsync("initdb", ["-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        await RunPostgresToolAsync("pg_ctl",
        [
            "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start",
        ]);
    }

    public async Task DisposeAsync()
    {
        if (BinFolder is null || _folder.Length == 0)
        {
            return;
        }

        try
        {
            await RunPostgresToolAsync("pg_ctl", ["-D", Data, "-m", "fast", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Stops the server (the database goes away) without removing its data.</summary>
    public Task StopAsync() => RunPostgresToolAsync("pg_ctl", ["-D", Data, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts the stopped server again on the same port.</summary>
    public Task StartAsync() => RunPostgresToolAsync("pg_ctl",
    [
        "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30",
        "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        "start",
    ]);

    private string Data => Path.Combine(_folder, "data");

    private static string? FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(Path.Combine(bin, "initdb")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunPostgresToolAsync(string tool, IReadOnlyList<string> args)
    {
        var path = Path.Combine(BinFolder!, tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args])
            : RunAsync(path, args);
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        }
    }
}

/// <summary>The xunit collection whose tests share the one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>A fact that needs PostgreSQL: skipped, with the reason, where it is not installed.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresServer.UnavailableReason;
    }
}
