using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>回收站: the list, and permanent deletion by administrators (restoring is the editorial workflow's).</summary>
[Authorize(Policy = PortalPolicies.Administer)]
public sealed class ArticleBinController(ArticleBin bin, UserManager<PortalUser> users) : AdminController
{
    private EditorialActor Actor => new(users.GetUserId(User)!, User.CanReview(), User.IsAdministrator());

    [HttpGet("/admin/articles/bin")]
    public async Task<IActionResult> Index(int page = 1, string? q = null, CancellationToken cancellationToken = default) =>
        View("/Areas/Admin/Views/Articles/Bin.cshtml", new ArticleBinViewModel
        {
            Page = await bin.ListAsync(Math.Max(page, 1), q, cancellationToken),
            Search = q,
            MayPurge = ArticleBin.MayPurge(Actor).Allowed,
        });

    [HttpPost("/admin/articles/purge/{id:int}")]
    public async Task<IActionResult> Purge(int id, CancellationToken cancellationToken) =>
        After(await bin.PurgeAsync(Actor, id, cancellationToken), "/admin/articles/bin");
}
