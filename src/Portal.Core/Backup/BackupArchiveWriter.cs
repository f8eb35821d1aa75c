using System.IO.Compression;
using System.Text.Json;
using Portal.Core.Data;
using Portal.Core.Media;

namespace Portal.Core.Backup;

/// <summary>
/// Writes an archive: the manifest, one table file per table and the media files, into
/// <c>{file}.tmp</c>, moved to <c>{file}</c> only when complete, so a failed export never leaves a
/// half-written archive under the real name.
/// </summary>
internal sealed class BackupArchiveWriter(MediaFolder media, JsonSerializerOptions tableJson)
{
    /// <exception cref="BackupException">A media file is missing, or the archive could not be written; nothing was written.</exception>
    public async Task WriteAsync(string file, BackupManifest manifest, IReadOnlyList<TableRows> tables, CancellationToken cancellationToken)
    {
        var mediaFiles = BackupFormat.MediaFilesOf(tables);

        // Each file and the small copy of an image travel together.
        var storedNames = mediaFiles.SelectMany(m => m.ListVariantName is { } v ? new[] { (m.Id, Name: m.StoredName), (m.Id, Name: v) } : [(m.Id, Name: m.StoredName)]).ToList();
        foreach (var (id, name) in storedNames)
        {
            if (!File.Exists(Path.Combine(media.Path, name)))
            {
                throw new BackupException($"Export failed: the media file {name} (media row {id}) is missing from {media.Path}; nothing was written.");
            }
        }

        var temporary = file + ".tmp";
        try
        {
            // The archive holds password hashes: readable by the portal's account alone (0600 on
            // Unix), which the move into place keeps.
            await using (var stream = PrivateFile.Create(temporary))
            await using (var archive = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                await using (var entry = await archive.CreateEntry(BackupFormat.ManifestEntry).OpenAsync(cancellationToken))
                {
                    await JsonSerializer.SerializeAsync(entry, manifest, BackupJson.Manifest, cancellationToken);
                }

                foreach (var (table, rows) in tables)
                {
                    await using var entry = await archive.CreateEntry(table.EntryName).OpenAsync(cancellationToken);
                    await table.WriteAsync(entry, rows, tableJson, cancellationToken);
                }

                foreach (var (_, name) in storedNames)
                {
                    // Images and Office files are compressed already: storing them saves time.
                    await archive.CreateEntryFromFileAsync(
                        Path.Combine(media.Path, name), BackupFormat.MediaPrefix + name, CompressionLevel.NoCompression, cancellationToken);
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
    }
}
