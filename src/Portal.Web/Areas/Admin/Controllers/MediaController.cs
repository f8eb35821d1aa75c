using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Media;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// 图片: upload and list images. Open to all staff (the base policy), because editors put images
/// into their articles; what an image may be is checked by <see cref="MediaLibrary"/>.
/// </summary>
public sealed class MediaController(MediaLibrary media, UserManager<PortalUser> users) : AdminController
{
    /// <summary>Images per page of the media list.</summary>
    public const int PageSize = 20;

    [HttpGet("/admin/media")]
    public async Task<IActionResult> Index(int page = 1, string? uploaded = null, string? q = null, CancellationToken cancellationToken = default)
    {
        if (page < 1)
        {
            return NotFound();
        }

        return View(await ListAsync(page, null, MediaLibrary.IsStoredName(uploaded) ? MediaLibrary.UrlOf(uploaded!) : null, cancellationToken, q));
    }

    [HttpPost]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        // No file is an empty upload, which the library refuses with its own message.
        await using var stream = file?.OpenReadStream() ?? Stream.Null;
        var result = await media.UploadAsync(stream, file?.FileName ?? "", users.GetUserId(User), cancellationToken);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ListAsync(1, result.Errors[0].Message, null, cancellationToken));
        }

        Flash("图片已上传。");
        var storedName = await media.StoredNameAsync(result.Id!.Value, cancellationToken);
        return Redirect("/admin/media?uploaded=" + storedName);
    }

    private async Task<MediaListViewModel> ListAsync(int page, string? error, string? uploadedUrl, CancellationToken cancellationToken, string? search = null) => new()
    {
        Items = await media.ListAsync(page, PageSize, search, cancellationToken),
        Search = search,
        MaxUploadBytes = media.MaxUploadBytes,
        UploadError = error,
        UploadedUrl = uploadedUrl,
    };
}
