using Microsoft.Extensions.Logging;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Media;

namespace Portal.Core.Backup;

/// <summary>
/// <c>export</c> and <c>restore</c>: the whole site (content, settings, accounts with their
/// password hashes, the audit log and the uploaded images) as one archive in the documented
/// format of <see cref="BackupFormat"/>, with every id kept, so an archive taken from one
/// provider restores into another (docs/backup.md). This class only puts the steps in order:
/// <see cref="BackupArchiveWriter"/>, <see cref="BackupArchiveReader"/>,
/// <see cref="StoreReplacement"/> and <see cref="MediaFolderSwap"/> do them.
/// </summary>
public sealed class BackupService(PortalDbContext db, MediaFolder media, MarkdownRenderer renderer, TimeProvider time, ILogger<BackupService> logger)
{
    /// <summary>
    /// Writes the whole store and its media files to <paramref name="file"/>. The archive is
    /// written beside it as <c>{file}.tmp</c> and moved into place when complete, so a failed
    /// export never leaves a half-written archive under the real name.
    /// </summary>
    public async Task<BackupSummary> ExportAsync(string file, CancellationToken cancellationToken = default)
    {
        BackupFormat.CheckCovers(db.Model);
        var tables = await StoreSnapshot.ReadAsync(db, cancellationToken);
        var mediaFiles = BackupFormat.MediaFilesOf(tables).Count;
        var manifest = new BackupManifest
        {
            CreatedUtc = time.GetUtcNow().UtcDateTime,
            SourceProvider = db.Database.ProviderName,
            Tables = tables.ToDictionary(t => t.Table.Name, t => t.Rows.Count),
            MediaFiles = mediaFiles,
        };
        await new BackupArchiveWriter(media, BackupJson.Tables(db.Model)).WriteAsync(file, manifest, tables, cancellationToken);

        var summary = new BackupSummary("export", tables.Sum(t => t.Rows.Count), mediaFiles, file);
        logger.LogInformation("Exported {Rows} rows and {MediaFiles} media files to {File}", summary.Rows, summary.MediaFiles, file);
        return summary;
    }

    /// <summary>
    /// Replaces the store's content with the archive's. The whole archive is read and checked
    /// first (format, version, every table file, every count, every media file), before the store
    /// is touched. A store that holds content is refused unless <paramref name="force"/>; then
    /// everything is deleted and the archive's rows inserted, ids included, in one transaction.
    /// Media files are unpacked to a temporary folder and moved into place only after the commit,
    /// so any failure leaves both the store and the media folder as they were. What an earlier
    /// restore that did not finish left beside the media folder is removed first.
    /// </summary>
    public async Task<BackupSummary> RestoreAsync(string file, bool force, CancellationToken cancellationToken = default)
    {
        // The same guard as export: a table the format does not know would be left as it is.
        BackupFormat.CheckCovers(db.Model);
        await new RestoreLeftovers(db, media, logger).RemoveAsync(cancellationToken);
        using var swap = MediaFolderSwap.Begin(media);
        var tables = await new BackupArchiveReader(BackupJson.TablesToRead(db.Model), renderer).ReadAsync(file, swap.StagingPath, cancellationToken);
        var store = new StoreReplacement(db, time);
        if (!force)
        {
            await store.RefuseNonEmptyAsync(cancellationToken);
        }

        await store.ReplaceAsync(tables, cancellationToken);
        swap.SwapIn(logger);

        var summary = new BackupSummary("restore", tables.Sum(t => t.Rows.Count), BackupFormat.MediaFilesOf(tables).Count, file);
        logger.LogInformation("Restored {Rows} rows and {MediaFiles} media files from {File}", summary.Rows, summary.MediaFiles, file);
        return summary;
    }
}
