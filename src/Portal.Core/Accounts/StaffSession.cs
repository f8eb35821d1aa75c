namespace Portal.Core.Accounts;

/// <summary>
/// One signed-in session of a staff member, held on the server. The login cookie names it; every
/// admin request checks it, so ending the row (sign-out, disable, role or password change,
/// second-factor reset, timeout) ends the session at once, wherever its cookie is kept.
/// </summary>
public class StaffSession
{
    /// <summary>A random 256-bit identifier (64 hex digits), carried in the login cookie.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The user's security stamp when the session began: a later change ends it.</summary>
    public string SecurityStamp { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>The last request of the session (updated at most once a minute).</summary>
    public DateTime LastSeenAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Why it ended; see <see cref="SessionEndReasons"/>.</summary>
    public string? EndReason { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }
}

/// <summary>Why a session ended.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed-out";
    public const string Idle = "idle";
    public const string Lifetime = "lifetime";

    /// <summary>An account change: disabled, role, password, second factor.</summary>
    public const string AccountChanged = "account-changed";

    /// <summary>Whether the reason is a timeout (the login page then says 登录已过期).</summary>
    public static bool IsExpiry(string? reason) => reason is Idle or Lifetime;
}
