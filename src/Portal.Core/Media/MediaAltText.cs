using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Core.Site;

namespace Portal.Core.Media;

/// <summary>
/// 替代文本 of an image in the media library (<see cref="MediaFile.AltText"/>): what a screen reader
/// reads where the image is shown without alt text of its own (article covers, 图片新闻). The rule
/// is <see cref="AltTextRules.Refusal"/>; a change is audited, and the articles whose cover it is
/// get a change-log row, since their pages show the new text.
/// </summary>
public sealed class MediaAltText(PortalDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Sets (or, when empty, clears) the alt text of the image <paramref name="id"/>.</summary>
    public async Task<CommandResult> SetAsync(int id, string? altText, CancellationToken cancellationToken = default)
    {
        var media = await db.MediaFiles.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (media is null)
        {
            return CommandResult.NotFound("文件不存在或已被删除。");
        }

        if (media.Kind != MediaKind.Image)
        {
            return CommandResult.Invalid($"“{media.OriginalName}”是附件，只有图片需要替代文本。");
        }

        if (AltTextRules.Refusal(altText, media.OriginalName) is { } refusal)
        {
            return CommandResult.Invalid(refusal);
        }

        var text = altText?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        if (text == media.AltText)
        {
            return CommandResult.Ok($"“{media.OriginalName}”的替代文本没有改动。", id);
        }

        var before = media.AltText;
        media.AltText = text;
        audit.Add(AuditActions.MediaAltChange, "media", media.StoredName, $"“{media.OriginalName}”的替代文本：{before ?? "（无）"} → {text ?? "（无）"}");
        var now = time.GetUtcNow().UtcDateTime;
        var covers = await db.Articles.AsNoTracking().Where(a => a.CoverImageId == id).Select(a => a.UrlKey).ToListAsync(cancellationToken);
        if (covers.Count > ContentChangeRecorder.BulkThreshold)
        {
            ContentChangeRecorder.Add(db, ContentChangeKind.All, null, now);
        }
        else
        {
            foreach (var key in covers)
            {
                ContentChangeRecorder.Add(db, ContentChangeKind.Article, key, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(text is null ? $"已清除“{media.OriginalName}”的替代文本。" : $"已保存“{media.OriginalName}”的替代文本。", id);
    }
}
