using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Web.Areas.Admin.Models;
using Portal.Web.Hosting;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>控制台: what waits for the signed-in user.</summary>
public sealed class DashboardController(DashboardQueries queries, UserManager<PortalUser> users, DeploymentChecks deployment) : AdminController
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var canReview = User.CanReview();
        return View(new DashboardViewModel
        {
            Counts = await queries.CountsAsync(cancellationToken),
            AwaitingReview = canReview ? await queries.AwaitingReviewAsync(cancellationToken) : [],
            MyOpenWork = await queries.MyOpenWorkAsync(userId, cancellationToken),
            CanReview = canReview,

            // Settings only the server's operator can change: for administrators, not every editor.
            DeploymentFindings = User.IsAdministrator() ? deployment.Findings().Select(f => f.Message).ToList() : [],
        });
    }
}
