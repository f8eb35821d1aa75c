using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Portal.Core.Accounts;

namespace Portal.Web.Accounts;

/// <summary>Marks an admin action an account may use before it has met its obligation (sign-out, the password and second-factor pages).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AllowBeforeObligationAttribute : Attribute;

/// <summary>
/// Sends a signed-in account that must first change its password or enrol a second factor
/// (<see cref="AccountRules.ObligationOf"/>) to that page, from every admin page but the few
/// marked <see cref="AllowBeforeObligationAttribute"/>.
/// </summary>
public sealed class AccountObligationFilter(AccountRules rules) : IAsyncAuthorizationFilter
{
    public const string PasswordPath = "/admin/account/password";
    public const string TwoFactorPath = "/admin/account/security";

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.HttpContext.Items[SessionValidation.CheckKey] is not SessionCheck check
            || context.ActionDescriptor.EndpointMetadata.OfType<AllowBeforeObligationAttribute>().Any())
        {
            return Task.CompletedTask;
        }

        var roles = context.HttpContext.User.Claims.Where(c => c.Type == System.Security.Claims.ClaimTypes.Role).Select(c => c.Value);
        var path = rules.ObligationOf(check.MustChangePassword, check.TwoFactorEnabled, roles) switch
        {
            AccountObligation.ChangePassword => PasswordPath,
            AccountObligation.EnrolTwoFactor => TwoFactorPath,
            _ => null,
        };
        if (path is not null)
        {
            context.Result = new RedirectResult(path);
        }

        return Task.CompletedTask;
    }
}
