using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Paging;
using Portal.Core.Site;

namespace Portal.Core.Media;

/// <summary>Where an image is used: an article (cover or body) or a site setting.</summary>
public sealed record MediaUse(string Label, int? ArticleId);

/// <summary>An image in the media list, with where it is used.</summary>
public sealed record MediaListItem(
    int Id, string StoredName, string OriginalName, string ContentType, long Length, DateTime UploadedAt, IReadOnlyList<MediaUse> UsedBy)
{
    /// <summary>The public address of the image.</summary>
    public string Url => MediaLibrary.UrlOf(StoredName);
}

/// <summary>A stored image ready to be sent: its file and its detected type.</summary>
public sealed record MediaContent(string FilePath, string ContentType);

/// <summary>
/// 图片: uploads (type detected from content, size limited, stored under the data folder with a
/// random name), the media list with each image's uses, and the lookup that serves an image.
/// </summary>
public sealed partial class MediaLibrary(
    PortalDbContext db, AuditLog audit, TimeProvider time, IOptions<MediaOptions> options, MediaFolder folder)
{
    /// <summary>The largest upload in bytes (<see cref="MediaOptions.MaxUploadBytes"/>).</summary>
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    /// <summary>The public address of a stored image.</summary>
    public static string UrlOf(string storedName) => "/media/" + storedName;

    /// <summary>Whether a name can be a stored name at all: 32 lower-case hex digits and an accepted extension.</summary>
    public static bool IsStoredName(string? name) => name is not null && StoredNamePattern().IsMatch(name);

    /// <summary>
    /// Stores an upload if its content is a JPEG, PNG, GIF or WebP image within the size limit.
    /// The stored name gets the extension of the detected type, whatever the uploaded name says.
    /// </summary>
    public async Task<ChangeResult> UploadAsync(Stream content, string originalName, string? uploaderId, CancellationToken cancellationToken = default)
    {
        const string field = "File";
        var max = MaxUploadBytes;

        // Read at most one byte more than allowed: enough to know it is too large, without
        // trusting a declared length.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return ChangeResult.Fail(field, $"图片不能超过 {FormatSize(max)}。");
            }
        }

        if (buffer.Length == 0)
        {
            return ChangeResult.Fail(field, "请选择要上传的图片。");
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var type = ImageSniffer.Detect(bytes[..Math.Min(bytes.Length, ImageSniffer.HeaderLength)]);
        if (type is null)
        {
            return ChangeResult.Fail(field, "只能上传 JPG、PNG、GIF 或 WebP 格式的图片；系统按文件内容识别格式，此文件不是这几种图片。");
        }

        var storedName = RandomNumberGenerator.GetHexString(32, lowercase: true) + type.Extension;
        Directory.CreateDirectory(folder.Path);
        var path = System.IO.Path.Combine(folder.Path, storedName);
        var name = System.IO.Path.GetFileName(originalName.Replace('\\', '/'));
        var media = new MediaFile
        {
            StoredName = storedName,
            OriginalName = name.Length > FieldLengths.FileName ? name[..FieldLengths.FileName] : name,
            ContentType = type.ContentType,
            Length = buffer.Length,
            UploadedById = uploaderId,
            UploadedAt = time.GetUtcNow().UtcDateTime,
        };
        db.MediaFiles.Add(media);
        audit.Add(AuditActions.MediaUpload, "media", storedName, $"上传图片“{media.OriginalName}”（{type.ContentType}，{media.Length} 字节）");
        try
        {
            // The write is inside the try: an upload cancelled or failing half-way through the
            // file leaves no partial file behind either.
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await file.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No row, no file: an orphan on disk would never be listed or cleaned up.
            File.Delete(path);
            db.ChangeTracker.Clear();
            throw;
        }

        return ChangeResult.Ok(media.Id);
    }

    /// <summary>
    /// A page of images, newest first, each with the articles and settings that use it;
    /// <paramref name="search"/> filters by the uploaded file name.
    /// </summary>
    public async Task<PagedList<MediaListItem>> ListAsync(int page, int pageSize, string? search = null, CancellationToken cancellationToken = default)
    {
        var query = db.MediaFiles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(m => m.OriginalName.Contains(term));
        }

        var files = await query
            .OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.StoredName, m.OriginalName, m.ContentType, m.Length, m.UploadedAt })
            .ToPagedListAsync(page, pageSize, cancellationToken);
        var qrId = await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId)
            .Select(s => s.WeChatQrImageId).FirstOrDefaultAsync(cancellationToken);
        var items = new List<MediaListItem>();
        foreach (var f in files.Items)
        {
            // One small query per image of the page (20 at most): a body reference is a text
            // search that no index serves anyway.
            var url = UrlOf(f.StoredName);
            var articles = await db.Articles.AsNoTracking()
                .Where(a => a.CoverImageId == f.Id || a.BodyMarkdown.Contains(url))
                .OrderByDescending(a => a.Id)
                .Select(a => new { a.Id, a.Title, Cover = a.CoverImageId == f.Id })
                .Take(50)
                .ToListAsync(cancellationToken);
            var uses = articles.Select(a => new MediaUse($"{(a.Cover ? "封面图" : "正文")}：{a.Title}", a.Id)).ToList();
            if (qrId == f.Id)
            {
                uses.Add(new MediaUse("网站设置：官方微信二维码", null));
            }

            items.Add(new MediaListItem(f.Id, f.StoredName, f.OriginalName, f.ContentType, f.Length, f.UploadedAt, uses));
        }

        return new PagedList<MediaListItem>(items, files.PageNumber, files.PageSize, files.TotalCount);
    }

    /// <summary>How many of the newest images a picker lists; the current choice is added when older.</summary>
    public const int ChoiceLimit = 200;

    /// <summary>
    /// Images to choose from (an article's cover, the WeChat QR code): the newest
    /// <see cref="ChoiceLimit"/>, plus <paramref name="current"/> when it is older, because a select
    /// without the current value would post it back empty and so clear it on any save.
    /// </summary>
    public async Task<List<Choice>> ChoicesAsync(int? current, CancellationToken cancellationToken = default)
    {
        var images = await db.MediaFiles.AsNoTracking()
            .OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Take(ChoiceLimit)
            .Select(m => new { m.Id, m.OriginalName })
            .ToListAsync(cancellationToken);
        if (current is { } id && !images.Exists(m => m.Id == id))
        {
            var older = await db.MediaFiles.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new { m.Id, m.OriginalName }).FirstOrDefaultAsync(cancellationToken);
            if (older is not null)
            {
                images.Add(older);
            }
        }

        return images.ConvertAll(m => new Choice(m.Id.ToString(CultureInfo.InvariantCulture), $"#{m.Id.ToString(CultureInfo.InvariantCulture)} {m.OriginalName}"));
    }

    /// <summary>The stored name of an image, for its address; null when it does not exist.</summary>
    public Task<string?> StoredNameAsync(int id, CancellationToken cancellationToken = default) =>
        db.MediaFiles.AsNoTracking().Where(m => m.Id == id).Select(m => m.StoredName).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The file behind <c>/media/{storedName}</c>; null unless the name is well-formed, known to
    /// the store and on disk. The strict name check comes first, so no request can reach a path
    /// outside the media folder.
    /// </summary>
    public async Task<MediaContent?> OpenAsync(string storedName, CancellationToken cancellationToken = default)
    {
        if (!IsStoredName(storedName))
        {
            return null;
        }

        var contentType = await db.MediaFiles.AsNoTracking().Where(m => m.StoredName == storedName)
            .Select(m => m.ContentType).FirstOrDefaultAsync(cancellationToken);
        var path = System.IO.Path.Combine(folder.Path, storedName);

        // Only an image type is ever served, whatever a row says (a row from elsewhere included).
        return contentType is null || !ImageSniffer.IsAccepted(contentType) || !File.Exists(path) ? null : new MediaContent(path, contentType);
    }

    /// <summary>A size for people: bytes, KB or MB with at most one decimal.</summary>
    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
            : bytes >= 1024 ? (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB" : bytes.ToString(CultureInfo.InvariantCulture) + " 字节";

    [GeneratedRegex("^[0-9a-f]{32}\\.(?:jpg|png|gif|webp)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex StoredNamePattern();
}
