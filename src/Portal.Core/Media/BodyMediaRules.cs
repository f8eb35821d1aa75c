using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Data;

namespace Portal.Core.Media;

/// <summary>
/// The body's and the cover's rules about files: every image comes from the library (no
/// external <c>http(s)://</c>, protocol-relative, <c>data:</c> or other address, which could
/// vanish, track readers or break the site's content policy), has real alt text
/// (<see cref="AltTextRules"/>), and every <c>/media/</c> address (images and attachment links)
/// names a file that exists. Messages are in Chinese and name the address.
/// </summary>
public sealed class BodyMediaRules(PortalDbContext db, MediaFolder folder, IOptions<MediaOptions> options)
{
    /// <summary>The first problem of the body, or null.</summary>
    /// <exception cref="MarkdownTooDeepException">The text nests deeper than the renderer allows.</exception>
    public async Task<string?> CheckBodyAsync(string markdown, CancellationToken cancellationToken = default)
    {
        var images = MarkdownRenderer.Images(markdown);
        foreach (var (url, alt) in images)
        {
            if (!IsLibraryAddress(url))
            {
                return $"正文中的图片“{Shorten(url)}”不是本站媒体库中的图片。外部图片和内嵌图片不能使用，请先在“媒体库”上传图片，再插入正文。";
            }

            if (string.IsNullOrWhiteSpace(alt))
            {
                return $"正文中的每张图片都必须填写替代文字，例如 ![图片说明](地址)。图片“{url}”没有替代文字。";
            }
        }

        var missing = await MediaReferences.FindMissingAsync(db, folder, markdown, cancellationToken);
        if (missing.Count > 0)
        {
            return $"正文引用的文件“{Shorten(missing[0])}”在媒体库中不存在（可能已被删除），请重新插入。";
        }

        var named = images.Select(i => i.Url[MediaPrefix.Length..]).Distinct().ToList();
        var names = await db.MediaFiles.AsNoTracking().Where(m => named.Contains(m.StoredName) || (m.ListVariantName != null && named.Contains(m.ListVariantName)))
            .Select(m => new { m.StoredName, m.ListVariantName, m.OriginalName, m.Kind }).ToListAsync(cancellationToken);
        foreach (var (url, alt) in images)
        {
            var file = names.Find(n => MediaPrefix + n.StoredName == url || MediaPrefix + n.ListVariantName == url);
            if (file is { Kind: MediaKind.Attachment })
            {
                return $"正文中的“{url}”是附件，不能作为图片插入，请用附件链接。";
            }

            if (AltTextRules.IsPlaceholder(alt, file?.OriginalName))
            {
                return $"图片“{url}”的替代文字“{alt.Trim()}”只是占位词或文件名，请写明图片的内容，例如“市领导在会上讲话”。";
            }
        }

        return null;
    }

    /// <summary>The cover's problem, or null: it must be a library image whose file exists.</summary>
    public async Task<string?> CheckCoverAsync(int? coverId, CancellationToken cancellationToken = default)
    {
        if (coverId is not { } id)
        {
            return null;
        }

        var file = await db.MediaFiles.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.StoredName, m.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (file is null || !File.Exists(Path.Combine(folder.Path, file.StoredName)))
        {
            return "所选封面图片不存在。";
        }

        return file.Kind == MediaKind.Image ? null : "封面必须是图片，不能使用附件。";
    }

    /// <summary>The image facts the renderer writes into <paramref name="markdown"/>'s images (<see cref="MediaImageInfo"/>).</summary>
    public Task<IReadOnlyDictionary<string, ImageInfo>> ImagesAsync(string markdown, CancellationToken cancellationToken = default) =>
        MediaImageInfo.ForAsync(db, options.Value.ListImageWidth, markdown, cancellationToken);

    private const string MediaPrefix = "/media/";

    private static bool IsLibraryAddress(string url) =>
        url.StartsWith(MediaPrefix, StringComparison.Ordinal) && MediaLibrary.IsStoredName(url[MediaPrefix.Length..]);

    private static string Shorten(string url) => url.Length > 80 ? url[..80] + "…" : url;
}
