using Microsoft.AspNetCore.DataProtection;
using Portal.Core.Accounts;

namespace Portal.Web.Accounts;

/// <summary>
/// The second, narrow staff cookie (contract C3). The login cookie has path <c>/admin</c>, so a
/// browser never sends it to <c>/media/…</c>; files that readers may not see yet (used only by
/// drafts, or by nothing) are served to holders of this cookie instead. It is set when sign-in
/// completes and removed at sign-out or when the session is found ended; path <c>/media</c>,
/// HttpOnly, SameSite=Lax, Secure over HTTPS; its value is data-protected and names the
/// server-side session, which is checked (<see cref="StaffSessions.CheckAsync"/>: idle time,
/// lifetime, security stamp, disabled account) on every request for a non-public file.
/// </summary>
public sealed class MediaAccessCookie(IDataProtectionProvider protection, StaffSessions sessions)
{
    public const string Name = "portal.media";

    public const string Path = "/media";

    private readonly IDataProtector _protector = protection.CreateProtector("Portal.MediaAccessCookie.v1");

    public void Issue(HttpContext http, string sessionId, string userId) =>
        http.Response.Cookies.Append(Name, _protector.Protect(sessionId + "\n" + userId), Options(http));

    public static void Remove(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http));

    /// <summary>Whether the request carries a cookie naming an open staff session.</summary>
    public async Task<bool> IsValidAsync(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value) || value.Length > 4096)
        {
            return false;
        }

        string plain;
        try
        {
            plain = _protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        var parts = plain.Split('\n');
        if (parts.Length != 2)
        {
            return false;
        }

        // Not activity (the session's idle clock is the admin area's), and not for an account that
        // must first change a password someone else set.
        var check = await sessions.CheckAsync(parts[0], parts[1], touch: false, http.RequestAborted);
        return check.IsActive && !check.MustChangePassword;
    }

    private static CookieOptions Options(HttpContext http) => new()
    {
        Path = Path,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
        IsEssential = true,
    };
}
