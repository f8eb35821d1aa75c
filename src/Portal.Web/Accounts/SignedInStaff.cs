using Portal.Core.Accounts;

namespace Portal.Web.Accounts;

/// <summary>Who is signed in, as the admin pages show them.</summary>
public static class SignedInStaff
{
    /// <summary>
    /// The signed-in person's display name (the user name when it is empty), read by this request's
    /// session check together with the session (no query of its own), so a renamed account shows
    /// its new name on the next page; the user name when the request was not checked.
    /// </summary>
    public static string? ShownName(HttpContext context) =>
        (context.Items[SessionValidation.CheckKey] as SessionCheck)?.ShownName ?? context.User.Identity?.Name;
}
