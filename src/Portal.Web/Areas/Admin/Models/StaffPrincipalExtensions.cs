using System.Security.Claims;
using Portal.Core.Accounts;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>
/// The role rules of the named policies (<see cref="PortalPolicies.Review"/>,
/// <see cref="PortalPolicies.Administer"/>, registered in <c>Hosting/SecurityServiceExtensions.cs</c>)
/// for code that shows or hides rather than gates: controllers filling an
/// <see cref="Portal.Core.Articles.EditorialActor"/>, views choosing buttons and menu items. One
/// place, so a view never offers what the policy refuses.
/// </summary>
public static class StaffPrincipalExtensions
{
    /// <summary>The roles of <see cref="PortalPolicies.Review"/>: 审核 and 管理员.</summary>
    public static IReadOnlyList<string> ReviewRoles { get; } = [PortalRoles.Admin, PortalRoles.Reviewer];

    /// <summary>The role of <see cref="PortalPolicies.Administer"/>: 管理员.</summary>
    public static IReadOnlyList<string> AdministerRoles { get; } = [PortalRoles.Admin];

    /// <summary>Whether the user may return, approve, schedule and withdraw (the Review policy).</summary>
    public static bool CanReview(this ClaimsPrincipal user) => ReviewRoles.Any(user.IsInRole);

    /// <summary>Whether the user is an administrator (the Administer policy).</summary>
    public static bool IsAdministrator(this ClaimsPrincipal user) => AdministerRoles.Any(user.IsInRole);
}
