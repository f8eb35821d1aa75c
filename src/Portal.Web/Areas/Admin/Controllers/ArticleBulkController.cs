using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// 批量操作 from the article list. Open to all staff: <see cref="ArticleBulkService"/> runs each
/// item through <see cref="EditorialService"/>, which refuses what the actor may not do, item by item.
/// </summary>
public sealed class ArticleBulkController(ArticleBulkService bulk, UserManager<PortalUser> users) : AdminController
{
    [HttpPost("/admin/articles/bulk")]
    public async Task<IActionResult> Run(string? command, [FromForm(Name = "items")] List<string>? items, string? returnUrl, CancellationToken cancellationToken)
    {
        var actor = new EditorialActor(users.GetUserId(User)!, User.CanReview(), User.IsAdministrator());
        var result = await bulk.RunAsync(actor, command, items ?? [], cancellationToken);
        var model = new ArticleBulkResultViewModel { Result = result, ReturnUrl = ListAddress(returnUrl) };
        if (result.Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View("~/Areas/Admin/Views/Articles/BulkResult.cshtml", model);
    }

    /// <summary>The list address the page came from, with its filters; anything else (another site, another page) is the plain list.</summary>
    private static string ListAddress(string? returnUrl) =>
        returnUrl is not null
        && (returnUrl == ArticleListViewModel.Path || returnUrl.StartsWith(ArticleListViewModel.Path + "?", StringComparison.Ordinal))
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : ArticleListViewModel.Path;
}
