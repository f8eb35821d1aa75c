using System.Globalization;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Media;

/// <summary>What the article page needs of a library image: its size and its small copy.</summary>
public sealed record ImageInfo(int Width, int Height, string? ListVariantUrl, int ListWidth);

/// <summary>
/// The image facts <see cref="Articles.MarkdownRenderer"/> writes into a body (width, height,
/// srcset), looked up from the media rows a body refers to. Images stored before sizes were
/// recorded have none and are rendered as before.
/// </summary>
public static class MediaImageInfo
{
    /// <summary>The <c>sizes</c> attribute: the article column is at most 800 CSS pixels wide.</summary>
    public const string Sizes = "(max-width: 840px) 100vw, 800px";

    /// <summary>The images of <paramref name="markdown"/> that are in the library with a known size, by address.</summary>
    public static async Task<IReadOnlyDictionary<string, ImageInfo>> ForAsync(PortalDbContext db, int listWidth, string markdown, CancellationToken cancellationToken = default)
    {
        var names = MediaReferences.StoredNamesIn(markdown);
        if (names.Count == 0)
        {
            return new Dictionary<string, ImageInfo>();
        }

        var rows = await db.MediaFiles.AsNoTracking()
            .Where(m => m.Kind == MediaKind.Image && m.Width != null && names.Contains(m.StoredName))
            .Select(m => new MediaFile { StoredName = m.StoredName, Width = m.Width, Height = m.Height, ListVariantName = m.ListVariantName })
            .ToListAsync(cancellationToken);
        return Of(rows, listWidth);
    }

    /// <summary>The same from rows already in memory (a backup being restored).</summary>
    public static IReadOnlyDictionary<string, ImageInfo> Of(IEnumerable<MediaFile> rows, int listWidth) =>
        rows.Where(m => m.Kind == MediaKind.Image && m.Width is > 0 && m.Height is > 0)
            .ToDictionary(
                m => MediaLibrary.UrlOf(m.StoredName),
                m => new ImageInfo(m.Width!.Value, m.Height!.Value, m.ListVariantName is null ? null : MediaLibrary.UrlOf(m.ListVariantName), Math.Min(listWidth, m.Width!.Value)),
                StringComparer.Ordinal);

    /// <summary>Adds the attributes to the <c>img</c> elements of already sanitised <paramref name="html"/>.</summary>
    internal static string Decorate(string html, IReadOnlyDictionary<string, ImageInfo> images)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;

        var changed = false;
        foreach (var img in body.QuerySelectorAll("img"))
        {
            if (img.GetAttribute("src") is not { } src || !images.TryGetValue(src, out var info))
            {
                continue;
            }

            img.SetAttribute("width", info.Width.ToString(CultureInfo.InvariantCulture));
            img.SetAttribute("height", info.Height.ToString(CultureInfo.InvariantCulture));
            img.SetAttribute("loading", "lazy");
            if (info.ListVariantUrl is { } small)
            {
                img.SetAttribute("srcset", string.Create(CultureInfo.InvariantCulture, $"{small} {info.ListWidth}w, {src} {info.Width}w"));
                img.SetAttribute("sizes", Sizes);
            }

            changed = true;
        }

        return changed ? body.InnerHtml : html;
    }
}
