using Microsoft.Extensions.Options;

namespace Portal.Core.Accounts;

/// <summary>What an account must do before it may work in the admin area.</summary>
public enum AccountObligation
{
    None,

    /// <summary>Someone else chose the password: choose your own first.</summary>
    ChangePassword,

    /// <summary>The role requires a second factor that is not set up yet.</summary>
    EnrolTwoFactor,
}

/// <summary>
/// The rules of staff accounts that the sign-in, the admin pages and the views all read: who must
/// use a second factor, who may switch it off, what an account must do first. One place, so a
/// page and the check behind it cannot disagree.
/// </summary>
public sealed class AccountRules(IOptions<AccountOptions> options)
{
    /// <summary>Whether members of any of <paramref name="roles"/> must sign in with a second factor.</summary>
    public bool RequiresTwoFactor(IEnumerable<string> roles) => roles.Any(options.Value.TwoFactorRoles.Contains);

    /// <summary>Whether the user may switch their second factor off (only where no role requires it).</summary>
    public bool MayDisableTwoFactor(IEnumerable<string> roles) => !RequiresTwoFactor(roles);

    /// <summary>The first thing the account must do, given its state and roles.</summary>
    public AccountObligation ObligationOf(bool mustChangePassword, bool twoFactorEnabled, IEnumerable<string> roles) =>
        mustChangePassword ? AccountObligation.ChangePassword
        : !twoFactorEnabled && RequiresTwoFactor(roles) ? AccountObligation.EnrolTwoFactor
        : AccountObligation.None;
}
