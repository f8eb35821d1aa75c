using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Core.Inspection;
using Portal.Web.Areas.Admin.Models;
using Portal.Web.Hosting;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>控制台: what waits for the signed-in user, within the sections they work in.</summary>
public sealed class DashboardController(DashboardQueries queries, EditorialContext context, UserManager<PortalUser> users, DeploymentChecks deployment, InspectionQueries inspection, TimeProvider time) : AdminController
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var actor = new EditorialActor(users.GetUserId(User)!, User.CanReview(), User.IsAdministrator());
        var sections = (await context.LimitsOfAsync(actor, cancellationToken)).Sections;
        return View(new DashboardViewModel
        {
            Counts = await queries.CountsAsync(sections, withBin: actor.IsAdmin, cancellationToken),
            AwaitingReview = actor.CanReview ? await queries.AwaitingReviewAsync(sections, cancellationToken) : [],
            MyOpenWork = await queries.MyOpenWorkAsync(actor.UserId, sections, cancellationToken),
            CanReview = actor.CanReview,
            Now = time.GetUtcNow().UtcDateTime,

            // The stored newest run, for every role: the inspection never runs on a page request.
            Inspection = await inspection.LastSummaryAsync(cancellationToken),

            // Settings only the server's operator can change: for administrators, not every editor.
            DeploymentFindings = actor.IsAdmin ? deployment.Findings().Select(f => f.Message).ToList() : [],
        });
    }
}
