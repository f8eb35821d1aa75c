using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Site;

namespace Portal.Core.Media;

/// <summary>
/// 图片和附件: uploads (type detected from content, size limited, images re-encoded, stored
/// under the data folder with a random name), who may see a file, and deletion of unused files.
/// Lists and the picker are in <see cref="MediaQueries"/>.
/// </summary>
public sealed partial class MediaLibrary(
    PortalDbContext db, AuditLog audit, TimeProvider time, IOptions<MediaOptions> options, MediaFolder folder)
{
    private const string Field = "File";

    /// <summary>How many images the cover and QR selects list (<see cref="MediaQueries.ChoiceLimit"/>).</summary>
    public const int ChoiceLimit = MediaQueries.ChoiceLimit;

    /// <summary>The largest image upload in bytes (<see cref="MediaOptions.MaxUploadBytes"/>).</summary>
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    /// <summary>The largest attachment in bytes (<see cref="MediaOptions.MaxAttachmentBytes"/>).</summary>
    public long MaxAttachmentBytes => options.Value.MaxAttachmentBytes;

    /// <summary>The public address of a stored file.</summary>
    public static string UrlOf(string storedName) => "/media/" + storedName;

    /// <summary>Whether a name can be a stored name at all: 32 lower-case hex digits, <c>.list</c> for a small copy, and an accepted extension.</summary>
    public static bool IsStoredName(string? name) => name is not null && StoredNamePattern().IsMatch(name);

    /// <summary>
    /// Stores an upload. Its first bytes decide whether it is an image (JPEG, PNG, GIF, WebP,
    /// limited to <see cref="MaxUploadBytes"/>, re-encoded by <see cref="ImageProcessor"/>) or an
    /// attachment (limited to <see cref="MaxAttachmentBytes"/>, checked by <see cref="AttachmentSniffer"/>).
    /// The content is streamed to a temporary file in the media folder, never held in memory whole;
    /// on any refusal or failure no file and no row remain.
    /// </summary>
    public async Task<CommandResult> UploadAsync(Stream content, string originalName, string? uploaderId, CancellationToken cancellationToken = default)
    {
        var name = CleanName(originalName);
        Directory.CreateDirectory(folder.Path);
        var temp = Path.Combine(folder.Path, ".upload-" + RandomNumberGenerator.GetHexString(16, lowercase: true) + ".tmp");
        var written = new List<string>();
        try
        {
            var (length, imageType, tooLarge) = await ReceiveAsync(content, temp, cancellationToken);
            if (tooLarge is not null)
            {
                return CommandResult.Invalid(Field, tooLarge);
            }

            if (length == 0)
            {
                return CommandResult.Invalid(Field, "请选择要上传的文件。");
            }

            var media = new MediaFile { OriginalName = name, UploadedById = uploaderId, UploadedAt = time.GetUtcNow().UtcDateTime };
            var hex = RandomNumberGenerator.GetHexString(32, lowercase: true);
            string? refusal;
            if (imageType is not null)
            {
                refusal = await StoreImageAsync(temp, imageType, hex, media, written, cancellationToken);
            }
            else
            {
                refusal = StoreAttachment(temp, hex, media, written);
            }

            if (refusal is not null)
            {
                return CommandResult.Invalid(Field, refusal);
            }

            db.MediaFiles.Add(media);
            audit.Add(AuditActions.MediaUpload, "media", media.StoredName,
                $"上传{(media.Kind == MediaKind.Image ? "图片" : "附件")}“{media.OriginalName}”（{media.ContentType}，{media.Length} 字节）");
            await db.SaveChangesAsync(cancellationToken);
            written.Clear();
            return CommandResult.Ok($"“{media.OriginalName}”已上传。", media.Id);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            // No row, no file: an orphan on disk would never be listed or cleaned up.
            foreach (var path in written.Append(temp))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Copies the upload to <paramref name="temp"/>, stopping one byte past the limit its first bytes call for.</summary>
    private async Task<(long Length, ImageType? Image, string? TooLarge)> ReceiveAsync(Stream content, string temp, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        var chunk = new byte[81920];
        var header = await content.ReadAtLeastAsync(chunk, ImageSniffer.HeaderLength, throwOnEndOfStream: false, cancellationToken);
        var image = ImageSniffer.Detect(chunk.AsSpan(0, header));
        var max = image is null ? MaxAttachmentBytes : MaxUploadBytes;
        long length = 0;
        for (var read = header; read > 0; read = await content.ReadAsync(chunk, cancellationToken))
        {
            length += read;
            if (length > max)
            {
                return (length, image, image is null ? $"附件不能超过 {FormatSize(max)}。" : $"图片不能超过 {FormatSize(max)}。");
            }

            await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return (length, image, null);
    }

    private async Task<string?> StoreImageAsync(string temp, ImageType type, string hex, MediaFile media, List<string> written, CancellationToken cancellationToken)
    {
        ProcessedImage processed;
        await using (var input = File.OpenRead(temp))
        {
            processed = ImageProcessor.Process(input, type, options.Value);
        }

        if (processed.Error is not null)
        {
            return processed.Error;
        }

        byte[] main;
        if (processed.KeepsOriginal)
        {
            var cleaned = GifCleaner.Clean(await File.ReadAllBytesAsync(temp, cancellationToken));
            if (cleaned is null)
            {
                return "图片文件已损坏或不完整，无法读取。请重新导出图片后上传。";
            }

            main = cleaned;
        }
        else
        {
            main = processed.Encoded!;
        }

        media.Kind = MediaKind.Image;
        media.ContentType = processed.Type.ContentType;
        media.StoredName = hex + processed.Type.Extension;
        media.Width = processed.Width;
        media.Height = processed.Height;
        media.Length = main.Length;
        await WriteNewAsync(media.StoredName, main, written, cancellationToken);
        if (processed.ListVariant is { } variant)
        {
            media.ListVariantName = hex + ".list" + processed.Type.Extension;
            await WriteNewAsync(media.ListVariantName, variant, written, cancellationToken);
        }

        return null;
    }

    private string? StoreAttachment(string temp, string hex, MediaFile media, List<string> written)
    {
        AttachmentCheck check;
        long length;
        using (var input = File.OpenRead(temp))
        {
            check = AttachmentSniffer.Check(input, media.OriginalName);
            length = input.Length;
        }

        if (check.Type is not { } type)
        {
            return check.Error;
        }

        media.Kind = MediaKind.Attachment;
        media.ContentType = type.ContentType;
        media.StoredName = hex + type.Extension;
        media.Length = length;
        var path = Path.Combine(folder.Path, media.StoredName);
        File.Move(temp, path);
        written.Add(path);
        return null;
    }

    private async Task WriteNewAsync(string storedName, byte[] bytes, List<string> written, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder.Path, storedName);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        written.Add(path);
        await file.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>
    /// The file behind <c>/media/{storedName}</c> (a small copy's name included); null unless the
    /// name is well-formed, known to the store and on disk, and, unless
    /// <paramref name="includeUnpublished"/>, readers may see it (<see cref="IsPublicAsync"/>). The
    /// strict name check comes first, so no request can reach a path outside the media folder.
    /// </summary>
    public async Task<MediaContent?> OpenAsync(string storedName, bool includeUnpublished, CancellationToken cancellationToken = default)
    {
        if (!IsStoredName(storedName))
        {
            return null;
        }

        var row = await db.MediaFiles.AsNoTracking().Where(m => m.StoredName == storedName || m.ListVariantName == storedName)
            .Select(m => new { m.Id, m.ContentType, m.Kind, m.OriginalName }).FirstOrDefaultAsync(cancellationToken);
        var path = Path.Combine(folder.Path, storedName);

        // Only an accepted type is ever served, whatever a row says (a row from elsewhere included).
        if (row is null || !(ImageSniffer.IsAccepted(row.ContentType) || AttachmentType.ByContentType(row.ContentType) is not null) || !File.Exists(path))
        {
            return null;
        }

        var isPublic = await IsPublicAsync(row.Id, cancellationToken);
        return isPublic || includeUnpublished ? new MediaContent(row.Id, path, row.ContentType, row.Kind, row.OriginalName, isPublic) : null;
    }

    /// <summary>
    /// Whether readers may fetch a file: an article readers can see uses it (published, not in the
    /// recycle bin, its time come: <see cref="ArticleVisibility.VisibleAt"/>), or a site setting
    /// does (the WeChat QR code), or a 专题 link of the home page does. A file only drafts, scheduled or withdrawn articles use, or none,
    /// is for signed-in staff (and preview links) only.
    /// </summary>
    public async Task<bool> IsPublicAsync(int id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var visible = db.Articles.VisibleAt(now);
        return await db.MediaUses.AnyAsync(u => u.MediaFileId == id && visible.Any(a => a.Id == u.ArticleId), cancellationToken)
            || await db.SiteSettings.AnyAsync(s => s.WeChatQrImageId == id, cancellationToken)
            || await db.HomeBlockLinks.AnyAsync(l => l.ImageId == id, cancellationToken);
    }

    /// <summary>
    /// Counts one download, in one statement (concurrent downloads all count). The caller decides
    /// what is a download: a GET of the whole file or of its first bytes, not a HEAD or a later range.
    /// </summary>
    public Task CountDownloadAsync(int id, CancellationToken cancellationToken = default) =>
        db.MediaFiles.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.DownloadCount, m => m.DownloadCount + 1), cancellationToken);

    /// <summary>
    /// Deletes an unused file: refused with the list of its uses otherwise. The row goes (audited)
    /// first; the file and its small copy leave the disk only once that is committed.
    /// </summary>
    public async Task<CommandResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var media = await db.MediaFiles.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (media is null)
        {
            return CommandResult.NotFound("文件不存在或已被删除。");
        }

        var uses = await new MediaQueries(db).UsesAsync([id], cancellationToken);
        if (uses.TryGetValue(id, out var places) && places.Count > 0)
        {
            return CommandResult.Invalid($"“{media.OriginalName}”正在使用，不能删除：{string.Join("；", places.Select(p => p.Label))}。请先从这些位置移除后再删除。");
        }

        db.MediaFiles.Remove(media);
        audit.Add(AuditActions.MediaDelete, "media", media.StoredName, $"删除{(media.Kind == MediaKind.Image ? "图片" : "附件")}“{media.OriginalName}”");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // An article took the file into use between the check and the delete (the foreign key refused).
            db.ChangeTracker.Clear();
            return CommandResult.Invalid($"“{media.OriginalName}”刚被文章使用，不能删除。");
        }

        foreach (var name in new[] { media.StoredName, media.ListVariantName })
        {
            if (name is not null && IsStoredName(name))
            {
                File.Delete(Path.Combine(folder.Path, name));
            }
        }

        return CommandResult.Ok($"“{media.OriginalName}”已删除。", id);
    }

    /// <summary>The stored name of a file, for its address; null when it does not exist.</summary>
    public Task<string?> StoredNameAsync(int id, CancellationToken cancellationToken = default) =>
        db.MediaFiles.AsNoTracking().Where(m => m.Id == id).Select(m => m.StoredName).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A size for people: bytes, KB or MB with at most one decimal.</summary>
    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
            : bytes >= 1024 ? (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB" : bytes.ToString(CultureInfo.InvariantCulture) + " 字节";

    /// <summary>The short type name people see: JPG, PNG, GIF, WEBP, PDF, DOCX…</summary>
    public static string TypeLabel(string contentType) =>
        contentType == ImageSniffer.Jpeg.ContentType ? "JPG"
        : contentType == ImageSniffer.Png.ContentType ? "PNG"
        : contentType == ImageSniffer.Gif.ContentType ? "GIF"
        : contentType == ImageSniffer.WebP.ContentType ? "WEBP"
        : AttachmentType.ByContentType(contentType)?.Label ?? "文件";

    /// <summary>
    /// What the picker inserts (contract C2): <c>![](/media/x.jpg)</c> for an image (the editor
    /// fills in the alt text) or <c>附件：[名称](/media/x.pdf)（PDF，1.2 MB）</c> for an attachment,
    /// the name being the uploaded name without its extension, Markdown punctuation escaped.
    /// </summary>
    public static string MarkdownFor(MediaKind kind, string storedName, string originalName, string contentType, long length)
    {
        if (kind == MediaKind.Image)
        {
            return $"![]({UrlOf(storedName)})";
        }

        return $"附件：[{EscapeMarkdown(AttachmentTitle(originalName))}]({UrlOf(storedName)})（{TypeLabel(contentType)}，{FormatSize(length)}）";
    }

    /// <summary>The name an attachment is shown under in a body (附件：名称…): its file name without the extension.</summary>
    public static string AttachmentTitle(string originalName) =>
        Path.GetFileNameWithoutExtension(originalName) is { Length: > 0 } title ? title : originalName;

    private static string EscapeMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c > 127 || c == ' ')
            {
                builder.Append(c);
            }
            else if (char.IsAsciiLetterOrDigit(c) is false && c is > ' ' and < (char)127)
            {
                builder.Append('\\').Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The uploaded name as kept: its last path segment, control characters (CR, LF…) removed, within the column's length.</summary>
    public static string CleanName(string originalName)
    {
        var name = Path.GetFileName(originalName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('\u2028' or '\u2029' or '\u202E' or '\u202D')).ToArray()).Trim();
        if (name.Length > FieldLengths.FileName)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length > 16 ? "" : extension;
            name = name[..(FieldLengths.FileName - extension.Length)] + extension;
        }

        return name.Length == 0 ? "未命名" : name;
    }

    [GeneratedRegex("^[0-9a-f]{32}(?:\\.list)?\\.(?:jpg|png|gif|webp|pdf|ofd|doc|docx|xls|xlsx|wps|et|odt|ods|txt|zip)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex StoredNamePattern();
}
