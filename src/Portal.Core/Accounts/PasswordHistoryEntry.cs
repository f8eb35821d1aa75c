namespace Portal.Core.Accounts;

/// <summary>
/// A password hash an account used before, so that a password once used is not accepted again
/// (<see cref="AccountOptions.PasswordHistory"/>). Written by <see cref="PasswordHistoryRecorder"/>
/// whenever a password is replaced.
/// </summary>
public class PasswordHistoryEntry
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    /// <summary>When this password stopped being the account's password.</summary>
    public DateTime ReplacedAt { get; set; }
}
