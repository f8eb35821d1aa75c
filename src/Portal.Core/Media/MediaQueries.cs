using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Paging;
using Portal.Core.Site;

namespace Portal.Core.Media;

/// <summary>The media list, the editor's picker, the cover and QR choices, and where files are used.</summary>
public sealed class MediaQueries(PortalDbContext db)
{
    /// <summary>How many of the newest images a select lists; the current choice is added when older.</summary>
    public const int ChoiceLimit = 200;

    /// <summary>Uses listed per file (the media list shows the newest; deletion needs only to know there are some).</summary>
    public const int UsesShown = 50;

    /// <summary>
    /// A page of files, newest first, each with the articles and settings that use it;
    /// <paramref name="search"/> filters by the uploaded file name, <paramref name="kind"/> by kind.
    /// </summary>
    public async Task<PagedList<MediaListItem>> ListAsync(int page, int pageSize, string? search = null, MediaKind? kind = null, CancellationToken cancellationToken = default)
    {
        var query = db.MediaFiles.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(m => m.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(m => m.OriginalName.Contains(term));
        }

        var files = await query
            .OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .ToPagedListAsync(page, pageSize, cancellationToken);
        var uses = await UsesAsync(files.Items.Select(f => f.Id).ToList(), cancellationToken);
        var items = files.Items.Select(f => new MediaListItem(
            f.Id, f.StoredName, f.OriginalName, f.ContentType, f.Kind, f.Length, f.Width, f.Height, f.DownloadCount, f.ListVariantName, f.UploadedAt,
            uses.TryGetValue(f.Id, out var u) ? u : []) { AltText = f.AltText }).ToList();
        return new PagedList<MediaListItem>(items, files.PageNumber, files.PageSize, files.TotalCount);
    }

    /// <summary>
    /// Where each of <paramref name="ids"/> is used: article covers and bodies (from
    /// <see cref="MediaUse"/>, newest article first, at most <see cref="UsesShown"/>), the WeChat QR setting and the home page's 专题 links.
    /// </summary>
    public async Task<Dictionary<int, List<MediaUsePlace>>> UsesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        var result = ids.ToDictionary(id => id, _ => new List<MediaUsePlace>());
        if (ids.Count == 0)
        {
            return result;
        }

        var rows = await (from u in db.MediaUses.AsNoTracking()
                          join a in db.Articles.AsNoTracking() on u.ArticleId equals a.Id
                          where ids.Contains(u.MediaFileId)
                          orderby a.Id descending
                          select new { u.MediaFileId, u.Kind, a.Id, a.Title, a.DeletedAt })
            .Take(ids.Count * UsesShown)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var list = result[row.MediaFileId];
            if (list.Count < UsesShown)
            {
                var where = row.Kind == MediaUseKind.Cover ? "封面图" : "正文";
                list.Add(new MediaUsePlace($"{where}：{row.Title}{(row.DeletedAt is null ? "" : "（回收站）")}", row.Id));
            }
        }

        var qrId = await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId)
            .Select(s => s.WeChatQrImageId).FirstOrDefaultAsync(cancellationToken);
        if (qrId is { } qr && result.TryGetValue(qr, out var qrUses))
        {
            qrUses.Add(new MediaUsePlace("网站设置：官方微信二维码", null));
        }

        var homeLinks = await db.HomeBlockLinks.AsNoTracking()
            .Where(l => l.ImageId != null && ids.Contains(l.ImageId.Value))
            .Select(l => new { ImageId = l.ImageId!.Value, l.Label })
            .ToListAsync(cancellationToken);
        foreach (var link in homeLinks)
        {
            result[link.ImageId].Add(new MediaUsePlace($"首页布局：专题链接“{link.Label}”", null));
        }

        return result;
    }

    /// <summary>
    /// Images to choose from (an article's cover, the WeChat QR code): the newest
    /// <see cref="ChoiceLimit"/>, plus <paramref name="current"/> when it is older, because a select
    /// without the current value would post it back empty and so clear it on any save.
    /// </summary>
    public async Task<List<Choice>> ChoicesAsync(int? current, CancellationToken cancellationToken = default)
    {
        var images = await db.MediaFiles.AsNoTracking()
            .Where(m => m.Kind == MediaKind.Image)
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

    /// <summary>One file as the list and the picker show it; null when it does not exist.</summary>
    public async Task<MediaListItem?> ItemAsync(int id, CancellationToken cancellationToken = default)
    {
        var f = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (f is null)
        {
            return null;
        }

        var uses = await UsesAsync([id], cancellationToken);
        return new MediaListItem(f.Id, f.StoredName, f.OriginalName, f.ContentType, f.Kind, f.Length, f.Width, f.Height, f.DownloadCount, f.ListVariantName, f.UploadedAt, uses[id]) { AltText = f.AltText };
    }

    /// <summary>The stored name of a file, for its address; null when it does not exist.</summary>
    public Task<string?> StoredNameAsync(int id, CancellationToken cancellationToken = default) =>
        db.MediaFiles.AsNoTracking().Where(m => m.Id == id).Select(m => m.StoredName).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The id of the file stored as <paramref name="storedName"/>; null when there is none.</summary>
    public Task<int?> IdOfAsync(string storedName, CancellationToken cancellationToken = default) =>
        db.MediaFiles.AsNoTracking().Where(m => m.StoredName == storedName).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
}
