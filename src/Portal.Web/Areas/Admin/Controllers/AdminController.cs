using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// The one gate of the admin area: every admin controller derives from this class, which puts it
/// in the area and requires a staff account. Finer actions add a stricter policy
/// (<see cref="PortalPolicies.Review"/>, <see cref="PortalPolicies.Administer"/>); antiforgery is a
/// global filter for every unsafe request.
/// </summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/[controller]/[action]")]
public abstract class AdminController : Controller
{
    /// <summary>A one-time message shown at the top of the next admin page (after a redirect).</summary>
    protected void Flash(string message) => TempData["Flash"] = message;
}
