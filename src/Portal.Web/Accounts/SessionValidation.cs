using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Accounts;

namespace Portal.Web.Accounts;

/// <summary>
/// The login cookie's checks on every request that carries it (it is scoped to <c>/admin</c>, so
/// readers' pages never pay for it): the server-side session must be open (see
/// <see cref="StaffSessions.CheckAsync"/>). Identity's periodic security-stamp check is replaced by
/// this one, which runs every time. The login redirect is relative (never built from the
/// <c>Host</c> header) and says why a session ended.
/// </summary>
public static class SessionValidation
{
    /// <summary>Where the request's <see cref="SessionCheck"/> is kept for the obligation filter.</summary>
    public const string CheckKey = "portal.session-check";

    private const string EndedKey = "portal.session-ended";

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var sessionId = context.Principal?.FindFirstValue(StaffSignIn.SessionClaim);
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var check = sessionId is null || userId is null
            ? SessionCheck.Ended(null)
            : await http.RequestServices.GetRequiredService<StaffSessions>().CheckAsync(sessionId, userId, cancellationToken: http.RequestAborted);
        if (check.IsActive)
        {
            http.Items[CheckKey] = check;
            return;
        }

        context.RejectPrincipal();
        http.Items[EndedKey] = check.EndReason ?? SessionEndReasons.AccountChanged;
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        MediaAccessCookie.Remove(http);
    }

    /// <summary>
    /// Sends an anonymous request to the login page with a relative address. A script's request
    /// (the editor's keep-alive) gets 401 instead, so the page can tell the editor in place.
    /// </summary>
    public static Task RedirectToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        if (http.Request.Headers["X-Requested-With"] == "fetch")
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        var returnUrl = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
        var location = "/admin/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        if (http.Items[EndedKey] is string reason)
        {
            location += "&reason=" + (SessionEndReasons.IsExpiry(reason) ? LoginNotices.Expired : LoginNotices.Ended);
        }

        http.Response.Redirect(location);
        return Task.CompletedTask;
    }
}

/// <summary>Why the login page is shown (its <c>reason</c> parameter), and what it then says.</summary>
public static class LoginNotices
{
    public const string SignedOut = "signedout";
    public const string Expired = "expired";
    public const string Ended = "ended";

    public static string? Text(string? reason) => reason switch
    {
        SignedOut => "您已安全退出。",
        Expired => "登录已过期，请重新登录。尚未保存的编辑内容仍保存在本浏览器中，登录后回到原页面即可恢复。",
        Ended => "您的登录已失效（账号信息已变更或已在别处退出），请重新登录。",
        _ => null,
    };
}
