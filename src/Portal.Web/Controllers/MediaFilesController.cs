using Microsoft.AspNetCore.Mvc;
using Portal.Core.Media;
using Portal.Web.Accounts;

namespace Portal.Web.Controllers;

/// <summary>
/// Uploaded files at <c>/media/{storedName}</c>, read from the data folder. A file readers may see
/// (<see cref="MediaLibrary.IsPublicAsync"/>) is public with an hour's cache; any other
/// only for staff carrying <see cref="MediaAccessCookie"/>, never cached, and 404 for everyone else
/// (as if it did not exist). Attachments download under their original name and are counted.
/// </summary>
public sealed class MediaFilesController(MediaLibrary media, MediaAccessCookie staffCookie) : Controller
{
    // HEAD too: link checkers and uptime probes use it.
    [AcceptVerbs("GET", "HEAD", Route = "/media/{storedName}")]
    public async Task<IActionResult> Show(string storedName, CancellationToken cancellationToken)
    {
        // OpenAsync accepts only generated names (hex + known extension): no path can leave the folder.
        var file = await media.OpenAsync(storedName, includeUnpublished: true, cancellationToken);
        if (file is null || (!file.IsPublic && !await staffCookie.IsValidAsync(HttpContext)))
        {
            return NotFound();
        }

        // A stored name is random and never reused, so the bytes behind it never change; but who
        // may see them does: once its article is withdrawn, a file must leave shared caches soon,
        // so a public file is cached for an hour, not for ever, and any other not at all.
        Response.Headers.CacheControl = file.IsPublic ? "public, max-age=3600" : "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        if (file.Kind == MediaKind.Image)
        {
            return PhysicalFile(file.FilePath, file.ContentType, enableRangeProcessing: true);
        }

        if (HttpMethods.IsGet(Request.Method) && StartsAtTheBeginning())
        {
            await media.CountDownloadAsync(file.Id, cancellationToken);
        }

        // fileDownloadName writes Content-Disposition: attachment with an ASCII fallback and the
        // RFC 5987 filename* for the Chinese name.
        return PhysicalFile(file.FilePath, file.ContentType, file.OriginalName, enableRangeProcessing: true);
    }

    /// <summary>A whole-file request, or a range from byte 0: a download beginning, not a resumed one.</summary>
    private bool StartsAtTheBeginning()
    {
        var range = Request.GetTypedHeaders().Range;
        return range is null || range.Ranges.Count == 0 || range.Ranges.First().From is 0;
    }
}
