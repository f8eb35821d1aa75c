using Microsoft.AspNetCore.Identity;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Site;

namespace Portal.Core.Accounts;

/// <summary>
/// The second factor of a staff account (an authenticator app, TOTP): the key offered for
/// enrolment, turning it on with a first code, recovery codes, and taking it away again (the
/// holder where their role allows, an administrator or the console after a lost phone). Every
/// change that turns it on or off ends the account's open sessions and is audited.
/// </summary>
public sealed class SecondFactorService(UserManager<PortalUser> users, PortalDbContext db, AuditLog audit, StaffSessions sessions)
{
    /// <summary>The number of recovery codes handed out at enrolment and on renewal.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>Where Identity's store keeps the authenticator key and the recovery codes.</summary>
    public const string AuthenticatorStore = "[AspNetUserStore]";

    public const string AuthenticatorKeyToken = "AuthenticatorKey";
    private const string RecoveryCodesToken = "RecoveryCodes";

    /// <summary>
    /// The account's authenticator key, made on first asking (without a new security stamp, so the
    /// enrolling session goes on); null when the account has a second factor already.
    /// </summary>
    public async Task<string?> EnrolmentKeyAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.TwoFactorEnabled)
        {
            return null;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, AuthenticatorStore, AuthenticatorKeyToken, key);
        }

        return key;
    }

    /// <summary>
    /// Turns the second factor on once the user shows a code from their app, and returns the
    /// recovery codes (shown once; Identity keeps them with the account and strikes each one used).
    /// </summary>
    public Task<(CommandResult Result, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(string userId, string code) =>
        db.InTransactionAsync(async () =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return (CommandResult.NotFound("用户不存在。"), (IReadOnlyList<string>)[]);
            }

            code = code.Replace(" ", "", StringComparison.Ordinal).Trim();
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                return (CommandResult.Invalid("Code", "验证码不正确，请核对手机上的时间后输入当前显示的 6 位数字。"), []);
            }

            var result = await users.SetTwoFactorEnabledAsync(user, true);
            if (!result.Succeeded)
            {
                return (result.ToCommandResult(), []);
            }

            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            await sessions.EndAllAsync(userId, SessionEndReasons.AccountChanged);
            await audit.WriteAsync(AuditActions.TwoFactorEnable, "user", userId, user.UserName);
            return (CommandResult.Ok(), (IReadOnlyList<string>)codes);
        }, outcome => outcome.Item1.Succeeded);

    /// <summary>New recovery codes for an enrolled account; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.TwoFactorEnabled)
        {
            return [];
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await audit.WriteAsync(AuditActions.RecoveryCodesRenew, "user", userId, user.UserName);
        return codes;
    }

    /// <summary>The holder switches their own second factor off, where <paramref name="mayDisable"/> (their role does not require one).</summary>
    public Task<CommandResult> DisableOwnTwoFactorAsync(string userId, bool mayDisable) =>
        mayDisable
            ? db.InTransactionAsync(async () =>
            {
                var result = await ClearTwoFactorAsync(userId);
                if (result.Succeeded)
                {
                    await audit.WriteAsync(AuditActions.TwoFactorDisable, "user", userId);
                }

                return result;
            }, result => result.Succeeded)
            : Task.FromResult(CommandResult.Invalid("您的角色要求使用双因素认证，不能关闭。"));

    /// <summary>
    /// Removes an account's second factor (lost phone): the authenticator key and recovery codes
    /// are replaced, two-factor sign-in is off, open sessions end. If the account's role requires
    /// a second factor, it is asked to enrol again at its next sign-in.
    /// </summary>
    public Task<CommandResult> ResetTwoFactorAsync(string userId) =>
        db.InTransactionAsync(async () =>
        {
            var result = await ClearTwoFactorAsync(userId);
            if (result.Succeeded)
            {
                await audit.WriteAsync(AuditActions.UserTwoFactorReset, "user", userId);
            }

            return result;
        }, result => result.Succeeded);

    /// <summary>Second factor off, key and recovery codes gone, sessions ended (a new stamp too).</summary>
    private async Task<CommandResult> ClearTwoFactorAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.NotFound("用户不存在。");
        }

        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (result.Succeeded)
        {
            result = await users.RemoveAuthenticationTokenAsync(user, AuthenticatorStore, AuthenticatorKeyToken);
        }

        if (result.Succeeded)
        {
            result = await users.RemoveAuthenticationTokenAsync(user, AuthenticatorStore, RecoveryCodesToken);
        }

        if (!result.Succeeded)
        {
            return result.ToCommandResult();
        }

        await sessions.EndAllAsync(userId, SessionEndReasons.AccountChanged);
        return CommandResult.Ok();
    }
}
