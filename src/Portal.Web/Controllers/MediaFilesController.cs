using Microsoft.AspNetCore.Mvc;
using Portal.Core.Media;

namespace Portal.Web.Controllers;

/// <summary>Uploaded images at <c>/media/{storedName}</c>, read from the data folder.</summary>
public sealed class MediaFilesController(MediaLibrary media) : Controller
{
    // HEAD too: link checkers and uptime probes use it.
    [AcceptVerbs("GET", "HEAD", Route = "/media/{storedName}")]
    public async Task<IActionResult> Show(string storedName, CancellationToken cancellationToken)
    {
        // OpenAsync accepts only generated names (hex + known extension): no path can leave the folder.
        var file = await media.OpenAsync(storedName, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        // A stored name is random and never reused, so the file behind it never changes.
        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return PhysicalFile(file.FilePath, file.ContentType, enableRangeProcessing: true);
    }
}
