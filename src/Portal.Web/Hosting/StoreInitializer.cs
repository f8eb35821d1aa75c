using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Accounts;
using Portal.Core.Backup;
using Portal.Core.Data;
using Portal.Core.Import;
using Portal.Core.Media;

namespace Portal.Web.Hosting;

/// <summary>
/// Prepares the store before the portal serves or a verb runs: applies migrations when
/// <c>Database:MigrateOnStartup</c> says so, removes what a restore that did not finish left beside
/// the media folder, and imports the seed folder into an empty store.
/// </summary>
public sealed class StoreInitializer(
    PortalDbContext db,
    SiteImporter importer,
    RoleManager<IdentityRole> roles,
    IOptions<DatabaseOptions> database,
    IOptions<StorageOptions> storage,
    IOptions<ImportOptions> import,
    MediaFolder media,
    ILogger<StoreInitializer> logger)
{
    /// <summary>
    /// Applies pending migrations if configured to (creating the data folder for SQLite first), then
    /// removes what a restore that was killed left beside the media folder. Every start runs this:
    /// the web server's and every verb's.
    /// </summary>
    public async Task MigrateIfConfiguredAsync(CancellationToken cancellationToken = default)
    {
        if (database.Value.ShouldMigrateOnStartup)
        {
            await MigrateAsync(cancellationToken);
        }
        else
        {
            PrepareSqliteFile();
        }

        await new RestoreLeftovers(db, media, logger).RemoveAsync(cancellationToken);
    }

    /// <summary>Applies every pending migration of the configured provider.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        PrepareSqliteFile();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, database.Value.Provider, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await EnsureRolesAsync();
    }

    /// <summary>
    /// SQLite: creates the data folder, and the database file with mode 0600 (it holds the
    /// password hashes) before SQLite would create it readable by all; an existing one is
    /// restricted to 0600. SQLite gives its -wal and -shm files the database file's mode. (A
    /// <c>|DataDirectory|</c> or <c>file:</c> name is left to SQLite.)
    /// </summary>
    private void PrepareSqliteFile()
    {
        if (database.Value.ProviderKind != DatabaseProvider.Sqlite)
        {
            return;
        }

        Directory.CreateDirectory(storage.Value.DataPath);
        var connection = new SqliteConnectionStringBuilder(database.Value.ConnectionString);
        if (connection.Mode != SqliteOpenMode.Memory && connection.DataSource is { Length: > 0 } file && file != ":memory:"
            && !file.Contains('|', StringComparison.Ordinal) && !file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            PrivateFile.Restrict(path);
        }
    }

    /// <summary>Creates the three roles (管理员, 审核, 编辑) if they do not exist yet.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (await roles.FindByNameAsync(role) is null)
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create the role {role}: {string.Join(" ", result.Errors.Select(e => e.Code))}");
                }
            }
        }
    }

    /// <summary>Imports <see cref="ImportOptions.SeedPath"/> when the store holds no content yet.</summary>
    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (!(import.Value.SeedOnStartup ?? database.Value.ProviderKind == DatabaseProvider.Sqlite))
        {
            return;
        }

        var empty = !await db.Sections.AnyAsync(cancellationToken)
            && !await db.Articles.AnyAsync(cancellationToken)
            && !await db.SiteSettings.AnyAsync(cancellationToken);
        if (!empty)
        {
            return;
        }

        var seeds = Path.GetFullPath(import.Value.SeedPath, AppContext.BaseDirectory);
        if (!Directory.Exists(seeds))
        {
            logger.LogWarning("The store is empty and the seed folder {SeedPath} does not exist; nothing imported", seeds);
            return;
        }

        var summary = await importer.ImportAsync(seeds, cancellationToken);
        logger.LogInformation("Seeded the empty store from {SeedPath}: {Summary}", seeds, summary.ToString());
    }
}
