using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Media;
using Portal.Core.Site;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// 媒体库: upload, list, pick and delete images and attachments. Open to all staff (the base
/// policy), because editors put files into their articles; what a file may be, and whether it may
/// go, is decided by <see cref="MediaLibrary"/>. The picker and the script upload answer JSON
/// (contract C2); without <c>X-Requested-With: fetch</c> the upload is the form's redirect.
/// </summary>
public sealed class MediaController(MediaLibrary media, MediaAltText altTexts, MediaQueries queries, SiteClock clock, UserManager<PortalUser> users) : AdminController
{
    /// <summary>Files per page of the media list.</summary>
    public const int PageSize = 20;

    /// <summary>Files per page of the picker.</summary>
    public const int PickerPageSize = 24;

    /// <summary>Whether the request comes from the page's script (contract C2's header).</summary>
    public static bool IsScript(HttpRequest request) => request.Headers["X-Requested-With"] == "fetch";

    [HttpGet("/admin/media")]
    public async Task<IActionResult> Index(int page = 1, string? uploaded = null, string? q = null, string? kind = null, CancellationToken cancellationToken = default)
    {
        if (page < 1)
        {
            return NotFound();
        }

        // The id (what the upload redirects with) or the stored name (older links).
        var uploadedId = int.TryParse(uploaded, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
            : MediaLibrary.IsStoredName(uploaded) ? await queries.IdOfAsync(uploaded!, cancellationToken) : null;
        return View(await ListAsync(page, null, uploadedId, q, ParseKind(kind), cancellationToken));
    }

    [HttpGet("/admin/media/picker")]
    public async Task<IActionResult> Picker(string? kind = null, string? q = null, int page = 1, CancellationToken cancellationToken = default)
    {
        var list = await queries.ListAsync(Math.Max(1, page), PickerPageSize, q, ParseKind(kind), cancellationToken);
        return Json(new MediaPickerPage(list.Items.Select(ToPicker).ToList(), list.PageNumber, list.PageCount));
    }

    [HttpPost]
    [MediaUploadLimit]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        // No file is an empty upload, which the library refuses with its own message.
        await using var stream = file?.OpenReadStream() ?? Stream.Null;
        var result = await media.UploadAsync(stream, file?.FileName ?? "", users.GetUserId(User), cancellationToken);
        if (IsScript(Request))
        {
            return result.Succeeded && await queries.ItemAsync(result.Id!.Value, cancellationToken) is { } item
                ? Json(ToPicker(item))
                : BadRequest(new { error = ErrorText(result) });
        }

        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ListAsync(1, ErrorText(result), null, null, null, cancellationToken));
        }

        Flash(result.Message!);
        return Redirect("/admin/media?uploaded=" + result.Id!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [HttpPost("/admin/media/delete/{id:int}")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var result = await media.DeleteAsync(id, cancellationToken);
        if (result.Outcome == CommandOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Index", await ListAsync(1, ErrorText(result), null, null, null, cancellationToken));
        }

        Flash(result.Message!);
        return Redirect("/admin/media");
    }

    /// <summary>
    /// Sets an image's 替代文本 (empty clears it), then back to the list page it was set on, at
    /// the image's row; a refusal is shown there as an alert.
    /// </summary>
    [HttpPost("/admin/media/alt/{id:int}")]
    public async Task<IActionResult> Alt(int id, string? altText, int page = 1, CancellationToken cancellationToken = default)
    {
        var list = page > 1 ? "/admin/media?page=" + page.ToString(CultureInfo.InvariantCulture) : "/admin/media";
        return After(await altTexts.SetAsync(id, altText, cancellationToken), list + "#media-" + id.ToString(CultureInfo.InvariantCulture));
    }

    private static MediaKind? ParseKind(string? kind) => kind switch
    {
        "image" => MediaKind.Image,
        "attachment" => MediaKind.Attachment,
        _ => null,
    };

    private MediaPickerItem ToPicker(MediaListItem item) => new(
        item.Id, item.Url, item.ThumbnailUrl, item.OriginalName, MediaLibrary.AttachmentTitle(item.OriginalName), item.Kind == MediaKind.Image ? "image" : "attachment",
        item.TypeLabel, item.SizeText, clock.ToLocal(item.UploadedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), item.Markdown);

    private async Task<MediaListViewModel> ListAsync(int page, string? error, int? uploaded, string? search, MediaKind? kind, CancellationToken cancellationToken) => new()
    {
        Items = await queries.ListAsync(page, PageSize, search, kind, cancellationToken),
        Search = search,
        Kind = kind,
        MaxUploadBytes = media.MaxUploadBytes,
        MaxAttachmentBytes = media.MaxAttachmentBytes,
        UploadError = error,
        Uploaded = uploaded is { } id ? await queries.ItemAsync(id, cancellationToken) : null,
    };
}
