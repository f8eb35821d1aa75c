using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text.Encodings.Web;
using System.Text.Json;
using Portal.Core.Articles;
using Portal.Core.Media;

namespace Portal.Core.Backup;

/// <summary>
/// Opens and checks a whole archive (every entry's checksum, then format, version, every table
/// file, every count, every media file) and unpacks its media files into a staging folder;
/// nothing in the store or the media folder is touched. Articles' HTML is rendered again from
/// their Markdown, never taken from the archive.
/// </summary>
internal sealed class BackupArchiveReader(JsonSerializerOptions tableJson, MarkdownRenderer renderer)
{
    /// <summary>Reads <paramref name="file"/>: its tables' rows, its media files unpacked into <paramref name="staging"/>.</summary>
    /// <exception cref="BackupException">The archive is missing, damaged or not valid; the message names the entry.</exception>
    public async Task<IReadOnlyList<TableRows>> ReadAsync(string file, string staging, CancellationToken cancellationToken)
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
            await VerifyChecksumsAsync(archive, file, cancellationToken);
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

    /// <summary>
    /// Stored HTML is never trusted from an archive: every article's is rendered (and sanitised)
    /// again from its Markdown. Revisions hold Markdown only; theirs is checked to be renderable,
    /// since restoring a revision renders it.
    /// </summary>
    private void RenderBodies(IReadOnlyList<TableRows> tables, Func<string, string> problem)
    {
        // Library images get their size and srcset as the editor's save gives them, from the
        // archive's own media rows (the list width is the default one: the reader has no options).
        var images = MediaImageInfo.Of(BackupFormat.MediaFilesOf(tables), new MediaOptions().ListImageWidth);
        foreach (var (table, rows) in tables)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                try
                {
                    if (rows[i] is Article article)
                    {
                        article.BodyHtml = renderer.Render(article.BodyMarkdown, images);
                    }
                    else if (rows[i] is ArticleRevision revision)
                    {
                        MarkdownRenderer.CheckNesting(revision.BodyMarkdown);
                    }
                    else
                    {
                        // A table without a body: nothing to do for any of its rows.
                        break;
                    }
                }
                catch (MarkdownTooDeepException ex)
                {
                    throw new BackupException(problem(string.Create(CultureInfo.InvariantCulture, $"{table.EntryName}: row {i + 1}, column BodyMarkdown cannot be rendered: {ex.Message}.")), ex);
                }
            }
        }
    }

    /// <summary>
    /// Reads every entry to its end and compares its CRC-32 and length with the zip's directory,
    /// before any entry is interpreted. System.IO.Compression in .NET 10 checks neither when it
    /// reads (not even at the end of an entry; that check arrives in .NET 11), so a damaged entry
    /// would otherwise be restored as it is.
    /// </summary>
    private static async Task VerifyChecksumsAsync(ZipArchive archive, string file, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        foreach (var entry in archive.Entries)
        {
            var crc = new Crc32();
            long length = 0;
            try
            {
                await using var stream = await entry.OpenAsync(cancellationToken);
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    crc.Append(buffer.AsSpan(0, read));
                    length += read;
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
            {
                throw new BackupException($"Restore failed, nothing was changed: {file}: the entry {Quoted(entry.FullName)} cannot be read ({ex.Message}).", ex);
            }

            if (crc.GetCurrentHashAsUInt32() != entry.Crc32 || length != entry.Length)
            {
                throw new BackupException($"Restore failed, nothing was changed: {file}: the entry {Quoted(entry.FullName)} is damaged (its content does not match its CRC-32 or length).");
            }
        }
    }

    /// <summary>A name or value as the archive gives it, quoted, with control characters escaped so a message stays one line.</summary>
    private static string Quoted(string name) => "\"" + JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

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
                throw new BackupException(Problem($"the manifest names the format {Quoted(format ?? "")}, not \"{BackupFormat.Name}\"; this is not a portal backup archive."));
            }

            if (!root.TryGetProperty("formatVersion", out var v))
            {
                throw new BackupException(Problem("the manifest has no formatVersion."));
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version))
            {
                throw new BackupException(Problem($"the manifest's formatVersion must be a whole number; it is {v.ValueKind.ToString().ToLowerInvariant()} {Quoted(v.ToString())}."));
            }

            if (version != BackupFormat.Version)
            {
                throw new BackupException(Problem($"the archive has format version {version}; this portal reads only version {BackupFormat.Version}."));
            }

            manifest = root.Deserialize<BackupManifest>(BackupJson.Manifest) ?? throw new JsonException("the manifest is null");
        }
        catch (JsonException ex)
        {
            throw new BackupException(Problem($"{BackupFormat.ManifestEntry} is not valid: {ex.Message}"), ex);
        }

        if (manifest.Tables is null)
        {
            throw new BackupException(Problem("the manifest's \"tables\" is null; it must give the row count of every table."));
        }

        var unknown = manifest.Tables.Keys.Except(BackupFormat.Tables.Select(t => t.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new BackupException(Problem($"the manifest lists unknown tables: {string.Join(", ", unknown.Select(Quoted))}."));
        }

        var tables = new List<TableRows>();
        foreach (var table in BackupFormat.Tables)
        {
            if (!manifest.Tables.TryGetValue(table.Name, out var expected))
            {
                // A table added to the format after an archive was written: that store had none of its rows.
                if (BackupFormat.AddedLater.Contains(table.Name) && archive.GetEntry(table.EntryName) is null)
                {
                    tables.Add(new TableRows(table, []));
                    continue;
                }

                throw new BackupException(Problem($"the manifest does not list the table {table.Name}."));
            }

            var entry = archive.GetEntry(table.EntryName) ?? throw new BackupException(Problem($"{table.EntryName} is missing."));
            IReadOnlyList<object> rows;
            try
            {
                await using var stream = await entry.OpenAsync(cancellationToken);
                rows = await table.ParseAsync(stream, tableJson, cancellationToken);
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

        RenderBodies(tables, Problem);
        var mediaFiles = BackupFormat.MediaFilesOf(tables);
        var mediaEntries = archive.Entries.Count(e => e.FullName.StartsWith(BackupFormat.MediaPrefix, StringComparison.Ordinal));
        var expectedEntries = mediaFiles.Count + mediaFiles.Count(m => m.ListVariantName is not null);
        if (mediaEntries != expectedEntries || mediaFiles.Count != manifest.MediaFiles)
        {
            throw new BackupException(Problem($"the manifest says {manifest.MediaFiles} media files, the archive holds {mediaEntries} and lists {mediaFiles.Count} (with {expectedEntries - mediaFiles.Count} small copies)."));
        }

        Directory.CreateDirectory(staging);
        foreach (var mediaFile in mediaFiles)
        {
            // Only generated names are accepted, so no entry can write outside the media folder.
            if (!MediaLibrary.IsStoredName(mediaFile.StoredName))
            {
                throw new BackupException(Problem($"media row {mediaFile.Id} has the invalid stored name {Quoted(mediaFile.StoredName)}."));
            }

            var entry = archive.GetEntry(BackupFormat.MediaPrefix + mediaFile.StoredName)
                ?? throw new BackupException(Problem($"the media file {BackupFormat.MediaPrefix}{mediaFile.StoredName} is missing."));

            // The file is served with the row's content type: both must say what the bytes are,
            // or a hostile archive could serve a page of its own from the site's address.
            var target = Path.Combine(staging, mediaFile.StoredName);
            await entry.ExtractToFileAsync(target, overwrite: false, cancellationToken);
            var detected = DetectStored(target, mediaFile);
            if (detected != mediaFile.ContentType || (mediaFile.Kind == MediaKind.Image) != ImageSniffer.IsAccepted(mediaFile.ContentType))
            {
                throw new BackupException(Problem($"media row {mediaFile.Id} says {Quoted(mediaFile.ContentType)}, but {BackupFormat.MediaPrefix}{mediaFile.StoredName} is {detected ?? "not a file the portal accepts"}."));
            }

            // The list's small copy travels with its image (checked the same way).
            if (mediaFile.ListVariantName is { } variant)
            {
                if (!MediaLibrary.IsStoredName(variant) || archive.GetEntry(BackupFormat.MediaPrefix + variant) is not { } variantEntry)
                {
                    throw new BackupException(Problem($"media row {mediaFile.Id} names the small copy {Quoted(variant)}, which is invalid or missing."));
                }

                var variantPath = Path.Combine(staging, variant);
                await variantEntry.ExtractToFileAsync(variantPath, overwrite: false, cancellationToken);
                if (DetectStored(variantPath, mediaFile) != mediaFile.ContentType)
                {
                    throw new BackupException(Problem($"media row {mediaFile.Id}: the small copy {variant} is not {Quoted(mediaFile.ContentType)}."));
                }
            }

            continue;
        }

        return tables;
    }

    /// <summary>The content type the stored file's bytes are (images by magic bytes, attachments by <see cref="AttachmentSniffer"/>), or null.</summary>
    private static string? DetectStored(string path, MediaFile row)
    {
        using var stream = File.OpenRead(path);
        var header = new byte[ImageSniffer.HeaderLength];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (ImageSniffer.Detect(header.AsSpan(0, read)) is { } image)
        {
            return row.StoredName.EndsWith(image.Extension, StringComparison.Ordinal) ? image.ContentType : null;
        }

        var check = AttachmentSniffer.Check(stream, row.StoredName);
        return check.Type?.ContentType;
    }
}
