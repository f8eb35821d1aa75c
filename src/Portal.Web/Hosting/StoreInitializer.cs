using System.Data.Common;
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
            PrepareSqliteFile(create: false);
            try
            {
                await RecordMissingMediaUsesAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                // A server database may be down while the portal starts (it answers 503 until
                // the store is back): the uses are written at the next start instead.
                logger.LogWarning(ex, "The store could not be read at start-up, so media uses were not checked");
            }
        }

        await new RestoreLeftovers(db, media, logger).RemoveAsync(cancellationToken);
    }

    /// <summary>Applies every pending migration of the configured provider.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        PrepareSqliteFile(create: true);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, database.Value.Provider, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await EnsureRolesAsync();
        await RecordMissingMediaUsesAsync(cancellationToken);
    }

    /// <summary>
    /// The migration that brought the media uses table cannot fill it (that means reading each
    /// body's Markdown), and without its rows the files of articles published before it would be
    /// staff-only. So at every start of an up-to-date store whose table is empty while articles
    /// use files, the table is written, in one transaction: however the migration was applied
    /// (here, by the <c>migrate</c> verb, or as a script by a DBA), and if a start was killed
    /// half-way through. Once written, the check is one indexed read.
    /// </summary>
    private async Task RecordMissingMediaUsesAsync(CancellationToken cancellationToken)
    {
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
            || await db.MediaUses.AnyAsync(cancellationToken)
            || !await db.Articles.AnyAsync(a => a.CoverImageId != null || a.BodyMarkdown.Contains("/media/"), cancellationToken))
        {
            return;
        }

        var written = await db.InTransactionAsync(() => MediaUseIndex.RebuildAsync(db, cancellationToken), cancellationToken: cancellationToken);
        logger.LogInformation("Recorded {Count} media use(s) of the existing articles", written);
    }

    /// <summary>
    /// SQLite: the database file holds the password hashes, so it is created with mode 0600 before
    /// SQLite would create it readable by all (with the data folder, when <paramref name="create"/>:
    /// before migrating), and an existing one is restricted to 0600. SQLite gives its -wal and -shm
    /// files the database file's mode. A read-only store, or a <c>|DataDirectory|</c> or <c>file:</c>
    /// name, is left as it is.
    /// </summary>
    private void PrepareSqliteFile(bool create)
    {
        if (database.Value.ProviderKind != DatabaseProvider.Sqlite)
        {
            return;
        }

        if (create)
        {
            Directory.CreateDirectory(storage.Value.DataPath);
        }

        var connection = new SqliteConnectionStringBuilder(database.Value.ConnectionString);
        if (connection.Mode is SqliteOpenMode.Memory or SqliteOpenMode.ReadOnly || connection.DataSource is not { Length: > 0 } file || file == ":memory:"
            || file.Contains('|', StringComparison.Ordinal) || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var path = Path.GetFullPath(file);
        if (!create && !File.Exists(path))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            PrivateFile.Restrict(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "The SQLite database {File} could not be made readable by the portal's account alone", path);
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
