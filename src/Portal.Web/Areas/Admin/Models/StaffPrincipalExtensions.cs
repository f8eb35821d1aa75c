using System.Security.Claims;
using Portal.Core.Accounts;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>
/// The role rules of the named policies (<see cref="PortalPolicies.ReviewRoles"/>,
/// <see cref="PortalPolicies.AdministerRoles"/>, the lists the policies are registered with)
/// for code that shows or hides rather than gates: controllers filling an
/// <see cref="Portal.Core.Articles.EditorialActor"/>, views choosing buttons and menu items. One
/// place, so a view never offers what the policy refuses.
/// </summary>
public static class StaffPrincipalExtensions
{
    /// <summary>Whether the user may return, approve, schedule and withdraw (the Review policy).</summary>
    public static bool CanReview(this ClaimsPrincipal user) => PortalPolicies.ReviewRoles.Any(user.IsInRole);

    /// <summary>Whether the user is an administrator (the Administer policy).</summary>
    public static bool IsAdministrator(this ClaimsPrincipal user) => PortalPolicies.AdministerRoles.Any(user.IsInRole);
}
