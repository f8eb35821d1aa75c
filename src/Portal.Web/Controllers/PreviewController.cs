using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Media;
using Portal.Core.Preview;
using Portal.Core.Site;
using Portal.Web.Hosting;
using Portal.Web.Models;
using Portal.Web.TagHelpers;

namespace Portal.Web.Controllers;

/// <summary>
/// 预览链接 for people without an account (a leader who signs off, 领导审签): <c>/preview/{token}</c>
/// shows the version of the article the link was made from, in the public layout, read-only,
/// never cached, indexed or given away in a referrer. Unknown, forged or malformed tokens are a
/// plain 404; an expired or revoked link says so (410). Rate-limited per address, like search.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Preview)]
public sealed class PreviewController(PreviewLinkService links, SiteContext site, MediaLibrary media, SiteClock clock) : Controller
{
    /// <summary>The address of a link: <c>/preview/{token}</c>.</summary>
    public static string PathOf(string token) => "/preview/" + token;

    [HttpGet("/preview/{token}")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        KeepPrivate();
        var view = await links.OpenAsync(token, cancellationToken);
        switch (view.State)
        {
            case PreviewLinkState.Expired:
                return Gone("预览链接已过期", "此预览链接已超过有效期。如仍需审阅，请联系发送链接的工作人员重新生成。");
            case PreviewLinkState.Revoked:
                return Gone("预览链接已被撤销", "此预览链接已被撤销，不能再查看。如仍需审阅，请联系发送链接的工作人员。");
            case PreviewLinkState.Unknown:
                return NotFound();
        }

        var content = view.Content!;
        var sections = await site.GetSectionsAsync(cancellationToken);
        var article = content with { BodyHtml = PreviewLinkService.RewriteMedia(content.BodyHtml, token) };
        var version = view.HasNewerVersion
            ? $"此链接对应第{view.LinkVersion}版；文章已有更新版本（第{view.CurrentVersion}版），如需审阅新版本，请向发送链接的工作人员索取新链接。"
            : $"此链接对应第{view.LinkVersion}版。";
        var banner = new ArticlePreviewBanner([version, "链接有效期至 " + SiteDateFormat(view.ExpiresAt) + "。"]);
        var cover = content.CoverImageName is null ? null : MediaPathOf(token, content.CoverImageName);
        return View("/Views/Articles/Show.cshtml", ArticlePage.ForPreview(article, sections.Find(content.SectionId), banner, cover, PathOf(token)));
    }

    /// <summary>
    /// An image of the previewed text, for the link's holder: served only when the link is valid
    /// and the version it shows uses the file (body or cover), whether or not it is public yet.
    /// </summary>
    [HttpGet("/preview/{token}/media/{storedName}")]
    public async Task<IActionResult> Media(string token, string storedName, CancellationToken cancellationToken)
    {
        KeepPrivate();
        if (!MediaLibrary.IsStoredName(storedName) || !await links.UsesMediaAsync(token, storedName, cancellationToken))
        {
            return NotFound();
        }

        // A draft's files are not public, but the link's holder may see the ones the draft uses.
        var file = await media.OpenAsync(storedName, includeUnpublished: true, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        // An attachment downloads under its own name, as on the public page (not counted: a preview
        // is not a reader's download).
        return file.Kind == MediaKind.Image
            ? PhysicalFile(file.FilePath, file.ContentType, enableRangeProcessing: true)
            : PhysicalFile(file.FilePath, file.ContentType, file.OriginalName, enableRangeProcessing: true);
    }

    /// <summary>The address of a file under the link: <c>/preview/{token}/media/{name}</c>.</summary>
    public static string MediaPathOf(string token, string storedName) => PathOf(token) + "/media/" + storedName;

    /// <summary>A preview is a secret for one person: no cache keeps it, no referrer carries its address on, no index lists it.</summary>
    private void KeepPrivate()
    {
        var headers = Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    private ViewResult Gone(string title, string message)
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        return View("Gone", new PreviewGoneViewModel { Title = title, Message = message, NoIndex = true });
    }

    private string SiteDateFormat(DateTime utc) => SiteDateTagHelper.Format(clock, utc);
}
