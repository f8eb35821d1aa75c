using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Accounts;

/// <summary>Staff accounts: second factor, sessions, password history (section <c>Accounts</c>).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>
    /// Roles whose members must sign in with a second factor (an authenticator app), comma
    /// separated; they are asked to enrol at their next sign-in. Default <c>admin,reviewer</c>
    /// (等级保护 level 3 asks two factors of administrators). Empty: nobody is forced.
    /// </summary>
    public string RequireTwoFactorFor { get; set; } = "admin,reviewer";

    /// <summary>A session without a request for this long ends (minutes).</summary>
    [Range(1, 24 * 60)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in, however busy (hours).</summary>
    [Range(1, 24 * 7)]
    public int AbsoluteLifetimeHours { get; set; } = 12;

    /// <summary>How many of an account's latest passwords (the current one included) cannot be chosen again.</summary>
    [Range(1, 24)]
    public int PasswordHistory { get; set; } = 5;

    /// <summary>
    /// Failed sign-ins for one user name are audited once per window of this many minutes: the
    /// first at once, the rest as one count when the window closes.
    /// </summary>
    [Range(1, 24 * 60)]
    public int FailedSignInAuditMinutes { get; set; } = 15;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(AbsoluteLifetimeHours);

    /// <summary>The roles of <see cref="RequireTwoFactorFor"/>.</summary>
    public IReadOnlySet<string> TwoFactorRoles =>
        RequireTwoFactorFor.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
