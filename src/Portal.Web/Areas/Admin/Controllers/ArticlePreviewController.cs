using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Core.Media;
using Portal.Core.Preview;
using Portal.Core.Site;
using Portal.Web.Areas.Admin.Models;
using Portal.Web.Controllers;
using Portal.Web.Hosting;
using Portal.Web.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// 预览 and 预览链接 in the admin area: the form's 预览 button (the unsaved form shown as the public
/// article page, in a new tab) and the links a reviewer creates and revokes on the edit page.
/// Thin: the rule of who may manage links is <see cref="ArticleWorkflow"/>'s
/// <see cref="ArticleCommand.ManagePreviewLinks"/>, enforced by <see cref="PreviewLinkService"/>.
/// </summary>
public sealed partial class ArticlePreviewController(
    SiteContext site,
    MediaLibrary media,
    MarkdownRenderer renderer,
    PreviewLinkService links,
    SiteAddress address,
    SiteClock clock,
    TimeProvider time,
    UserManager<PortalUser> users) : AdminController
{
    /// <summary>The TempData key of a new link's address, shown once on the edit page.</summary>
    public const string CreatedLinkKey = "PreviewLinkUrl";

    private EditorialActor Actor => new(users.GetUserId(User)!, User.CanReview(), User.IsAdministrator());

    /// <summary>
    /// The posted, unsaved form as the public page (no JavaScript needed: the button's
    /// <c>formtarget="_blank"</c> opens it in a new tab). Nothing is saved; a form the save would
    /// refuse still previews, its problems listed in the banner. Any signed-in staff member.
    /// </summary>
    [HttpPost("/admin/articles/preview")]
    public async Task<IActionResult> Preview([Bind(Prefix = "Input")] ArticleInputModel input, CancellationToken cancellationToken)
    {
        var notes = ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage))
            .Where(m => m.Length > 0)
            .Distinct()
            .Select(m => "保存前还需修改：" + m)
            .ToList();

        var sections = await site.GetSectionsAsync(cancellationToken);
        var section = input.SectionId is { } sectionId ? sections.Find(sectionId) : null;
        if (section is null)
        {
            notes.Add("尚未选择栏目：选择栏目后，“当前位置”将显示文章所在的栏目。");
        }

        string body;
        try
        {
            body = renderer.Render(input.BodyMarkdown ?? "");
        }
        catch (MarkdownTooDeepException ex)
        {
            var message = EditorialService.BodyTooDeepMessage(ex);
            notes.Add("保存前还需修改：" + message);
            body = "<p>" + System.Net.WebUtility.HtmlEncode(message) + "</p>";
        }

        // A date outside the range the form accepts was refused by the binder (and listed above).
        var publishedAt = input.PublishedAt is { } local && SiteDateRangeAttribute.Contains(local) ? clock.FromLocal(local) : time.GetUtcNow().UtcDateTime;
        if (input.PublishedAt is null)
        {
            notes.Add("未填写发布日期：此处显示当前时间；发布时以实际发布时间为准。");
        }

        var cover = input.CoverImageId is { } coverId ? await media.StoredNameAsync(coverId, cancellationToken) : null;
        var article = new ArticleDetail(
            0, "", input.Title?.Trim() ?? "", publishedAt, true, input.Source?.Trim() ?? "", body, section?.Id ?? 0,
            input.Summary, input.Keywords, cover);
        return View("/Views/Articles/Show.cshtml", ArticlePage.ForPreview(
            article, section, new ArticlePreviewBanner(notes), ArticleViewModel.PublicCoverUrl(article), EditPageOfReferrer()));
    }

    /// <summary>Creates a 预览链接 for the article's current saved version; its address is shown once on the edit page.</summary>
    [HttpPost("/admin/articles/previewlinks/create/{id:int}"), Authorize(Policy = PortalPolicies.Review)]
    public async Task<IActionResult> CreateLink(int id, string? hours, string? note, CancellationToken cancellationToken)
    {
        int? lifetime = null;
        if (!string.IsNullOrWhiteSpace(hours))
        {
            if (!int.TryParse(hours.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return BackToArticle(CommandResult.Invalid($"预览链接的有效期须为 1 到 {links.MaxLifetimeHours} 之间的整数小时数。"), id);
            }

            lifetime = parsed;
        }

        var created = await links.CreateAsync(Actor, id, lifetime, note, cancellationToken);
        if (created.Token is { } token)
        {
            TempData[CreatedLinkKey] = address.Absolute(Request, PreviewController.PathOf(token));
        }

        return BackToArticle(created.Result, id);
    }

    /// <summary>Revokes one of the article's links (撤销); the same rule as creating.</summary>
    [HttpPost("/admin/articles/previewlinks/revoke/{id:int}"), Authorize(Policy = PortalPolicies.Review)]
    public async Task<IActionResult> RevokeLink(int id, int linkId, CancellationToken cancellationToken) =>
        BackToArticle(await links.RevokeAsync(Actor, id, linkId, cancellationToken), id);

    /// <summary>
    /// Where the preview's 字号 links return without JavaScript: the edit page the preview came
    /// from (a POST result cannot be fetched again), read from the referrer only when it names one.
    /// </summary>
    private string EditPageOfReferrer()
    {
        var path = Request.GetTypedHeaders().Referer?.AbsolutePath;
        return path is not null && EditPagePath().IsMatch(path) ? path : "/admin/articles";
    }

    [GeneratedRegex("^/admin/articles/(?:create|edit/[0-9]{1,9})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex EditPagePath();
}
