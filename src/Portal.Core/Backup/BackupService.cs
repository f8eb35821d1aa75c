using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Media;
using Portal.Core.Search;

namespace Portal.Core.Backup;

/// <summary>
/// <c>export</c> and <c>restore</c>: the whole site (content, settings, accounts with their
/// password hashes, the audit log and the uploaded images) as one archive in the documented
/// format of <see cref="BackupFormat"/>, with every id kept, so an archive taken from one
/// provider restores into another (docs/backup.md).
/// </summary>
public sealed class BackupService(PortalDbContext db, MediaFolder media, TimeProvider time, ILogger<BackupService> logger)
{
    private const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    /// <summary>
    /// Writes the whole store and its media files to <paramref name="file"/>. The archive is
    /// written beside it as <c>{file}.tmp</c> and moved into place when complete, so a failed
    /// export never leaves a half-written archive under the real name.
    /// </summary>
    public async Task<BackupSummary> ExportAsync(string file, CancellationToken cancellationToken = default)
    {
        var json = TableJson();
        var tables = await ReadStoreAsync(cancellationToken);
        var mediaFiles = MediaFilesOf(tables);
        foreach (var mediaFile in mediaFiles)
        {
            if (!File.Exists(Path.Combine(media.Path, mediaFile.StoredName)))
            {
                throw new BackupException($"Export failed: the media file {mediaFile.StoredName} (media row {mediaFile.Id}) is missing from {media.Path}; nothing was written.");
            }
        }

        var manifest = new BackupManifest
        {
            CreatedUtc = time.GetUtcNow().UtcDateTime,
            SourceProvider = db.Database.ProviderName,
            Tables = tables.ToDictionary(t => t.Table.Name, t => t.Rows.Count),
            MediaFiles = mediaFiles.Count,
        };

        var temporary = file + ".tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            await using (var archive = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                await using (var entry = await archive.CreateEntry(BackupFormat.ManifestEntry).OpenAsync(cancellationToken))
                {
                    await JsonSerializer.SerializeAsync(entry, manifest, ManifestJson, cancellationToken);
                }

                foreach (var (table, rows) in tables)
                {
                    await using var entry = await archive.CreateEntry(table.EntryName).OpenAsync(cancellationToken);
                    await table.WriteAsync(entry, rows, json, cancellationToken);
                }

                foreach (var mediaFile in mediaFiles)
                {
                    // Images are compressed already: storing them saves time and costs nothing.
                    await archive.CreateEntryFromFileAsync(
                        Path.Combine(media.Path, mediaFile.StoredName), BackupFormat.MediaPrefix + mediaFile.StoredName, CompressionLevel.NoCompression, cancellationToken);
                }
            }

            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception ex)
        {
            // Whatever went wrong, no half-written archive stays behind.
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Best effort: the original error is the one to report.
            }

            if (ex is IOException or UnauthorizedAccessException)
            {
                throw new BackupException($"Export failed, no archive was written to {file}: {ex.Message}", ex);
            }

            throw;
        }

        var summary = new BackupSummary("export", tables.Sum(t => t.Rows.Count), mediaFiles.Count, file);
        logger.LogInformation("Exported {Rows} rows and {MediaFiles} media files to {File}", summary.Rows, summary.MediaFiles, file);
        return summary;
    }

    /// <summary>
    /// Replaces the store's content with the archive's. The whole archive is read and checked
    /// first (format, version, every table file, every count, every media file), before the store
    /// is touched. A store that holds content is refused unless <paramref name="force"/>; then
    /// everything is deleted and the archive's rows inserted, ids included, in one transaction.
    /// Media files are unpacked to a temporary folder and moved into place only after the commit,
    /// so any failure leaves both the store and the media folder as they were.
    /// </summary>
    public async Task<BackupSummary> RestoreAsync(string file, bool force, CancellationToken cancellationToken = default)
    {
        // The same guard as export: a table the format does not know would be left as it is.
        CheckEveryTableIsCovered();
        var staging = Path.Combine(Path.GetDirectoryName(media.Path)!, "media.restore-" + Guid.NewGuid().ToString("N"));
        var committed = false;
        try
        {
            var tables = await ReadArchiveAsync(file, staging, cancellationToken);
            var mediaCount = MediaFilesOf(tables).Count;
            if (!force)
            {
                await RefuseNonEmptyStoreAsync(cancellationToken);
            }

            try
            {
                await db.InTransactionAsync(async () =>
                {
                    await ReplaceStoreAsync(tables, cancellationToken);
                    return true;
                }, cancellationToken: cancellationToken);
                committed = true;
            }
            catch (Exception ex) when (ex is not (BackupException or OperationCanceledException))
            {
                // The transaction was rolled back (disposed without a commit): nothing was changed.
                throw new BackupException($"Restore failed and was rolled back, the store is unchanged: {ex.GetBaseException().Message}", ex);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            ReplaceMediaFolder(staging);
            var summary = new BackupSummary("restore", tables.Sum(t => t.Rows.Count), mediaCount, file);
            logger.LogInformation("Restored {Rows} rows and {MediaFiles} media files from {File}", summary.Rows, summary.MediaFiles, file);
            return summary;
        }
        finally
        {
            // After the commit the staging folder may hold the only copy of the restored images
            // (if moving it into place failed): it is then kept, and the error names it.
            if (!committed && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// The serializer options of the table files: an entity's JSON properties are exactly its
    /// mapped columns (navigations are left out), enums are written by name.
    /// </summary>
    private JsonSerializerOptions TableJson()
    {
        var model = db.Model;
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Kind != JsonTypeInfoKind.Object || model.FindEntityType(info.Type) is not { } entity)
            {
                return;
            }

            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                if (entity.FindProperty(info.Properties[i].Name) is null)
                {
                    info.Properties.RemoveAt(i);
                }
            }
        });
        return new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            Converters = { new JsonStringEnumConverter() },
            WriteIndented = true,

            // Chinese text stays readable in the table files; they are data, never put into HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }

    /// <summary>Every table's rows, read in one transaction so the archive is one consistent state of the store.</summary>
    private async Task<IReadOnlyList<TableRows>> ReadStoreAsync(CancellationToken cancellationToken)
    {
        CheckEveryTableIsCovered();

        // Repeatable read is a snapshot on PostgreSQL; SQLite upgrades it to serializable.
        return await db.InTransactionAsync<IReadOnlyList<TableRows>>(
            async () =>
            {
                var tables = new List<TableRows>();
                foreach (var table in BackupFormat.Tables)
                {
                    tables.Add(new TableRows(table, await table.ReadAsync(db, cancellationToken)));
                }

                return tables;
            },
            commit: null,
            IsolationLevel.RepeatableRead,
            cancellationToken);
    }

    /// <summary>The media table's rows (found by type, whatever its place in the format's list).</summary>
    private static List<MediaFile> MediaFilesOf(IReadOnlyList<TableRows> tables) =>
        tables.Single(t => t.Table.ClrType == typeof(MediaFile)).Rows.Cast<MediaFile>().ToList();

    /// <summary>
    /// A model change that adds a table or a column EF keeps outside the entity class would
    /// silently be missing from every archive: refuse to work until the format covers it.
    /// </summary>
    private void CheckEveryTableIsCovered()
    {
        var covered = BackupFormat.Tables.Select(t => t.ClrType).ToHashSet();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && !BackupFormat.NotCarried.Contains(e.ClrType)))
        {
            if (!covered.Contains(entity.ClrType))
            {
                throw new BackupException($"The backup format does not cover the table of {entity.ClrType.Name}; add it to BackupFormat.Tables.");
            }

            if (entity.GetProperties().FirstOrDefault(p => p.PropertyInfo is null) is { } shadow)
            {
                throw new BackupException($"The backup format cannot carry the shadow column {entity.ClrType.Name}.{shadow.Name}.");
            }
        }
    }

    /// <summary>
    /// Opens and checks the whole archive and unpacks its media files into <paramref name="staging"/>;
    /// nothing in the store or the media folder is touched.
    /// </summary>
    private async Task<IReadOnlyList<TableRows>> ReadArchiveAsync(string file, string staging, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new BackupException($"Restore failed, nothing was changed: the archive {file} does not exist.");
        }

        ZipArchive archive;
        try
        {
            archive = await ZipFile.OpenReadAsync(file, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new BackupException($"Restore failed, nothing was changed: {file} is not a readable backup archive (corrupt or truncated zip: {ex.Message}).", ex);
        }

        using (archive)
        {
            try
            {
                return await ReadEntriesAsync(archive, file, staging, cancellationToken);
            }
            catch (InvalidDataException ex)
            {
                throw new BackupException($"Restore failed, nothing was changed: {file} is damaged ({ex.Message}).", ex);
            }
        }
    }

    private async Task<IReadOnlyList<TableRows>> ReadEntriesAsync(ZipArchive archive, string file, string staging, CancellationToken cancellationToken)
    {
        string Problem(string what) => $"Restore failed, nothing was changed: {file}: {what}";

        var manifestEntry = archive.GetEntry(BackupFormat.ManifestEntry)
            ?? throw new BackupException(Problem($"{BackupFormat.ManifestEntry} is missing; this is not a portal backup archive."));
        BackupManifest manifest;
        try
        {
            await using var stream = await manifestEntry.OpenAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);

            // Name and version first, on their own: a later version may change everything else.
            var root = document.RootElement;
            var format = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format != BackupFormat.Name)
            {
                throw new BackupException(Problem($"the manifest names the format \"{format}\", not \"{BackupFormat.Name}\"; this is not a portal backup archive."));
            }

            if (!root.TryGetProperty("formatVersion", out var v) || !v.TryGetInt32(out var version))
            {
                throw new BackupException(Problem("the manifest has no formatVersion."));
            }

            if (version != BackupFormat.Version)
            {
                throw new BackupException(Problem($"the archive has format version {version}; this portal reads only version {BackupFormat.Version}."));
            }

            manifest = root.Deserialize<BackupManifest>(ManifestJson) ?? throw new JsonException("the manifest is null");
        }
        catch (JsonException ex)
        {
            throw new BackupException(Problem($"{BackupFormat.ManifestEntry} is not valid: {ex.Message}"), ex);
        }

        var unknown = manifest.Tables.Keys.Except(BackupFormat.Tables.Select(t => t.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new BackupException(Problem($"the manifest lists unknown tables: {string.Join(", ", unknown)}."));
        }

        var json = TableJson();
        var tables = new List<TableRows>();
        foreach (var table in BackupFormat.Tables)
        {
            if (!manifest.Tables.TryGetValue(table.Name, out var expected))
            {
                throw new BackupException(Problem($"the manifest does not list the table {table.Name}."));
            }

            var entry = archive.GetEntry(table.EntryName) ?? throw new BackupException(Problem($"{table.EntryName} is missing."));
            IReadOnlyList<object> rows;
            try
            {
                await using var stream = await entry.OpenAsync(cancellationToken);
                rows = await table.ParseAsync(stream, json, cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new BackupException(Problem($"{table.EntryName} is not valid: {ex.Message}"), ex);
            }

            if (rows.Count != expected)
            {
                throw new BackupException(Problem($"{table.EntryName} holds {rows.Count} rows but the manifest says {expected}."));
            }

            tables.Add(new TableRows(table, rows));
        }

        var mediaFiles = MediaFilesOf(tables);
        var mediaEntries = archive.Entries.Count(e => e.FullName.StartsWith(BackupFormat.MediaPrefix, StringComparison.Ordinal));
        if (mediaEntries != manifest.MediaFiles || mediaFiles.Count != manifest.MediaFiles)
        {
            throw new BackupException(Problem($"the manifest says {manifest.MediaFiles} media files, the archive holds {mediaEntries} and lists {mediaFiles.Count}."));
        }

        Directory.CreateDirectory(staging);
        foreach (var mediaFile in mediaFiles)
        {
            // Only generated names are accepted, so no entry can write outside the media folder.
            if (!MediaLibrary.IsStoredName(mediaFile.StoredName))
            {
                throw new BackupException(Problem($"media row {mediaFile.Id} has the invalid stored name \"{mediaFile.StoredName}\"."));
            }

            var entry = archive.GetEntry(BackupFormat.MediaPrefix + mediaFile.StoredName)
                ?? throw new BackupException(Problem($"the media file {BackupFormat.MediaPrefix}{mediaFile.StoredName} is missing."));

            // Unpacking reads every byte, so a damaged entry (CRC mismatch) is found here.
            await entry.ExtractToFileAsync(Path.Combine(staging, mediaFile.StoredName), overwrite: false, cancellationToken);
        }

        return tables;
    }

    /// <summary>
    /// Refuses a store that holds anything but the roles, which every migrated store has
    /// (<c>StoreInitializer</c> creates them) and which the archive's roles replace.
    /// </summary>
    private async Task RefuseNonEmptyStoreAsync(CancellationToken cancellationToken)
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

    /// <summary>
    /// Inside the transaction: deletes every row and inserts the archive's, ids included. SQL Server
    /// accepts explicit values in an identity column only while <c>IDENTITY_INSERT</c> is on for
    /// that table (one table at a time, per connection, which the transaction holds open); it then
    /// moves the identity past the largest inserted id by itself. PostgreSQL's sequences are moved
    /// afterwards.
    /// </summary>
    private async Task ReplaceStoreAsync(IReadOnlyList<TableRows> tables, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();

        // A section's parent is a restricting foreign key, checked row by row on SQLite: detach
        // the tree first so one statement can delete all sections in any order.
        await db.Sections.ExecuteUpdateAsync(s => s.SetProperty(x => x.ParentId, (int?)null), cancellationToken);
        foreach (var table in BackupFormat.Tables.Reverse())
        {
            await table.DeleteAllAsync(db, cancellationToken);
        }

        var sqlServer = db.Database.ProviderName == SqlServerProvider;
        foreach (var (table, rows) in tables)
        {
            if (rows.Count == 0)
            {
                continue;
            }

            var identityTable = sqlServer && IdentityKeyColumn(table) is not null ? DelimitedTableName(table) : null;
            if (identityTable is not null)
            {
                await SetIdentityInsertAsync(identityTable, "ON", cancellationToken);
            }

            table.Add(db, rows);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            if (identityTable is not null)
            {
                await SetIdentityInsertAsync(identityTable, "OFF", cancellationToken);
            }
        }

        if (db.Database.ProviderName == NpgsqlProvider)
        {
            await ResetSequencesAsync(cancellationToken);
        }

        // Everything readers see was replaced below the change tracker: every indexer rebuilds.
        ContentChangeRecorder.Add(db, ContentChangeKind.All, null, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>SQL Server: turns explicit values in <paramref name="table"/>'s identity column on or off for this connection.</summary>
    private async Task SetIdentityInsertAsync(string table, string onOrOff, CancellationToken cancellationToken)
    {
        // The table name is the model's, quoted by the provider; nothing comes from the archive.
        var sql = $"SET IDENTITY_INSERT {table} {onOrOff}";
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }

    /// <summary>
    /// Rows inserted with explicit ids leave PostgreSQL's identity sequences where they were, and
    /// the next insert would collide with a restored id: move each sequence past its table's
    /// largest id. (SQLite's AUTOINCREMENT follows explicit ids by itself.)
    /// </summary>
    private async Task ResetSequencesAsync(CancellationToken cancellationToken)
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
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    /// <summary>
    /// The key column whose values the database generates (an identity or serial column): a
    /// single integer key generated on add. Every other key is a string the application makes.
    /// </summary>
    private string? IdentityKeyColumn(BackupTable table)
    {
        var key = db.Model.FindEntityType(table.ClrType)!.FindPrimaryKey()!.Properties;
        return key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd && (key[0].ClrType == typeof(int) || key[0].ClrType == typeof(long))
            ? key[0].GetColumnName()
            : null;
    }

    /// <summary>The table's name, schema-qualified and quoted the provider's way (<c>"Articles"</c>, <c>[Articles]</c>).</summary>
    private string DelimitedTableName(BackupTable table)
    {
        var entity = db.Model.FindEntityType(table.ClrType)!;
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    private string Delimit(string identifier) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);

    /// <summary>
    /// After the commit: the unpacked media folder takes the place of the old one. If that fails,
    /// the old folder is put back where possible and the error names both folders, since the
    /// database already holds the archive's rows; a leftover old folder is only a warning.
    /// </summary>
    private void ReplaceMediaFolder(string staging)
    {
        var replaced = media.Path + ".replaced-" + Guid.NewGuid().ToString("N");
        try
        {
            if (Directory.Exists(media.Path))
            {
                Directory.Move(media.Path, replaced);
            }

            Directory.Move(staging, media.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!Directory.Exists(media.Path) && Directory.Exists(replaced))
            {
                Directory.Move(replaced, media.Path);
            }

            throw new BackupException(
                $"The database was restored, but the media folder could not be replaced ({ex.Message}). The restored images are in {staging}; move them into {media.Path} by hand.", ex);
        }

        try
        {
            if (Directory.Exists(replaced))
            {
                Directory.Delete(replaced, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Restore finished, but the previous media folder {Folder} could not be removed", replaced);
        }
    }

    private sealed record TableRows(BackupTable Table, IReadOnlyList<object> Rows);
}
