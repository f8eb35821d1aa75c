using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Media;
using Portal.Core.Site;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>网站设置: the site's identity (GOV-SITE footer fields), for administrators only.</summary>
[Authorize(Policy = PortalPolicies.Administer)]
public sealed class SettingsController(SiteSettingsService settings, MediaQueries media) : AdminController
{
    [HttpGet("/admin/settings")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await FormAsync(await settings.GetAsync(cancellationToken), cancellationToken));

    [HttpPost("/admin/settings")]
    public async Task<IActionResult> Index([Bind(Prefix = "Input")] SiteSettingsValues input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await settings.UpdateAsync(input, cancellationToken);
            if (result.Succeeded)
            {
                Flash(result.Message!);
                return Redirect("/admin/settings");
            }

            ShowErrors(result);
        }

        return View(await FormAsync(input, cancellationToken));
    }

    private async Task<SettingsFormViewModel> FormAsync(SiteSettingsValues input, CancellationToken cancellationToken) => new()
    {
        Input = input,
        Images = await media.ChoicesAsync(input.WeChatQrImageId, cancellationToken),
        QrUrl = input.WeChatQrImageId is { } id && await media.StoredNameAsync(id, cancellationToken) is { } name ? MediaLibrary.UrlOf(name) : null,
    };
}
