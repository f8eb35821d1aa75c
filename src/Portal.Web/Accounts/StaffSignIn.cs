using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Data;

namespace Portal.Web.Accounts;

/// <summary>How a sign-in step ended.</summary>
public enum SignInStep
{
    /// <summary>Refused, with the one message that says nothing about why.</summary>
    Refused,

    /// <summary>Too many attempts for this name: wait <see cref="SignInOutcome.RetryAfter"/>.</summary>
    Limited,

    /// <summary>The password was right; the second factor is asked next.</summary>
    SecondFactor,

    /// <summary>The second-factor step has timed out or was never begun: start again.</summary>
    Restart,

    SignedIn,
}

public sealed record SignInOutcome(SignInStep Step, TimeSpan RetryAfter = default);

/// <summary>
/// Staff sign-in: password, then (where enrolled) an authenticator code or a recovery code, then
/// a server-side session. Every refusal looks and costs the same, whatever the reason (unknown
/// name, wrong password, locked, disabled): one password-hash check, one message; the reason is
/// only in the audit log. Attempts are counted by <see cref="SignInAttempts"/> (atomic) and
/// limited per name by <see cref="SignInLimiter"/>.
/// </summary>
public sealed class StaffSignIn(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    SignInAttempts attempts,
    StaffSessions sessions,
    SignInLimiter limiter,
    SignInFailureAudit failures,
    DummyPassword dummy,
    SignInMetrics metrics,
    AuditLog audit,
    IAuditActor actor,
    PortalDbContext db,
    MediaAccessCookie mediaCookie,
    IHttpContextAccessor accessor)
{
    /// <summary>The claim of the login cookie that names its server-side session.</summary>
    public const string SessionClaim = "portal:sid";

    /// <summary>The claim of the second-step cookie that holds the account's security stamp at the first step.</summary>
    private const string PendingStampClaim = "portal:stamp";

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("Sign-in needs an HTTP request.");

    public async Task<SignInOutcome> PasswordAsync(string userName, string password)
    {
        userName = userName.Trim();
        if (!limiter.TryAcquire("name:" + (users.NormalizeName(userName) ?? userName), out var retryAfter))
        {
            metrics.Count("limited");
            await failures.RecordAsync(audit, userName, null, "尝试过于频繁，已限制", IpAddress);
            return new SignInOutcome(SignInStep.Limited, retryAfter);
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            await attempts.ClaimForNobodyAsync();
        }

        if (user is null || user.PasswordHash is null || !await attempts.TryClaimAsync(user))
        {
            dummy.Verify(password);
            metrics.Count(user is null ? "unknown" : "locked");
            return await RefuseAsync(userName, user, user is null ? "用户名不存在" : "账号已锁定");
        }

        if (users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            metrics.Count("wrong");
            await attempts.FailedAsync(user);
            return await RefuseAsync(userName, user, "密码错误");
        }

        if (user.IsDisabled)
        {
            metrics.Count("disabled");
            await attempts.ReleaseAsync(user);
            return await RefuseAsync(userName, user, "账号已停用");
        }

        if (user.TwoFactorEnabled)
        {
            // The password was right: its try is given back; the codes have tries of their own.
            metrics.Count("second-factor");
            await attempts.ReleaseAsync(user);
            // Identity's own short-lived cookie remembers who passed the first step (5 minutes).
            var pending = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
            pending.AddClaim(new Claim(ClaimTypes.Name, user.Id));
            pending.AddClaim(new Claim(PendingStampClaim, user.SecurityStamp ?? ""));
            await Http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
            return new SignInOutcome(SignInStep.SecondFactor);
        }

        metrics.Count("signed-in");
        await attempts.SucceededAsync(user);
        await CompleteAsync(user, "pwd");
        return new SignInOutcome(SignInStep.SignedIn);
    }

    /// <summary>
    /// The second step: a 6-digit authenticator code, or one of the recovery codes (used up by
    /// the sign-in). Tries count towards the same lockout as passwords.
    /// </summary>
    public async Task<SignInOutcome> SecondFactorAsync(string code)
    {
        var pending = await Http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var userId = pending.Principal?.FindFirstValue(ClaimTypes.Name);
        var user = userId is null ? null : await users.FindByIdAsync(userId);

        // A first step taken before the account changed (new password, second factor reset,
        // disabled) does not carry over: its stamp must still be the account's.
        if (user is null || user.IsDisabled || !user.TwoFactorEnabled
            || pending.Principal?.FindFirstValue(PendingStampClaim) != (user.SecurityStamp ?? ""))
        {
            await Http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            return new SignInOutcome(SignInStep.Restart);
        }

        if (!limiter.TryAcquire("user:" + user.Id, out var retryAfter))
        {
            metrics.Count("limited");
            return new SignInOutcome(SignInStep.Limited, retryAfter);
        }

        if (!await attempts.TryClaimAsync(user))
        {
            metrics.Count("locked");
            return await RefuseAsync(user.UserName ?? "", user, "账号已锁定（第二步）");
        }

        code = code.Trim().Replace(" ", "", StringComparison.Ordinal);
        var isTotp = code.Length == 6 && code.All(char.IsAsciiDigit);
        var accepted = isTotp
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : await RedeemRecoveryCodeAsync(user, code.ToUpperInvariant());
        metrics.Count(accepted ? "signed-in" : "wrong");
        if (!accepted)
        {
            await attempts.FailedAsync(user);
            return await RefuseAsync(user.UserName ?? "", user, isTotp ? "验证码错误" : "恢复码错误");
        }

        await attempts.SucceededAsync(user);
        await Http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (!isTotp)
        {
            await audit.WriteAsync(AuditActions.RecoveryCodeUse, "user", user.Id, $"剩余恢复码 {await users.CountRecoveryCodesAsync(user)} 个", userName: user.UserName);
        }

        await CompleteAsync(user, isTotp ? "otp" : "recovery");
        return new SignInOutcome(SignInStep.SignedIn);
    }

    /// <summary>Whether a first step is pending (the second-factor page has someone to ask).</summary>
    public async Task<bool> HasPendingSecondFactorAsync() =>
        (await Http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme)).Succeeded;

    /// <summary>
    /// Starts a server-side session for <paramref name="user"/> and issues the login cookie that
    /// names it. Also used after the user changed their own password (which ended every session).
    /// </summary>
    public async Task CompleteAsync(PortalUser user, string method)
    {
        // The attempt counters changed the row (and its concurrency stamp) behind the tracked
        // entity: read it again before anything saves it.
        await db.Entry(user).ReloadAsync();

        // An authenticator key not yet confirmed is dropped at every sign-in: whoever saw it on
        // 账号安全 in an earlier session (someone else who had the password) cannot share it.
        if (!user.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(user) is not null)
        {
            await users.RemoveAuthenticationTokenAsync(user, SecondFactorService.AuthenticatorStore, SecondFactorService.AuthenticatorKeyToken);
        }

        var session = await sessions.StartAsync(user, IpAddress, Http.Request.Headers.UserAgent.ToString());
        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false },
            [new Claim(SessionClaim, session.Id), new Claim("amr", method)]);
        mediaCookie.Issue(Http, session.Id, user.Id);
        await audit.WriteAsync(AuditActions.Login, "user", user.Id, method == "pwd" ? null : "双因素认证", userName: user.UserName);
    }

    /// <summary>Ends this request's session on the server and removes the cookie.</summary>
    public async Task SignOutAsync()
    {
        if (Http.User.FindFirstValue(SessionClaim) is { } sessionId)
        {
            await sessions.EndAsync(sessionId, SessionEndReasons.SignedOut);
        }

        await audit.WriteAsync(AuditActions.Logout, "user", users.GetUserId(Http.User));
        await signIn.SignOutAsync();
        MediaAccessCookie.Remove(Http);
    }

    private string? IpAddress => actor.IpAddress;

    private async Task<SignInOutcome> RefuseAsync(string userName, PortalUser? user, string reason)
    {
        await failures.RecordAsync(audit, userName, user?.Id, reason, IpAddress);
        return new SignInOutcome(SignInStep.Refused);
    }

    private async Task<bool> RedeemRecoveryCodeAsync(PortalUser user, string code)
    {
        // The claim just changed the account's row (and its concurrency stamp): read it again, or
        // Identity's save of the struck-out code would be refused as a concurrency failure.
        await db.Entry(user).ReloadAsync();
        try
        {
            if ((await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded)
            {
                return true;
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // Handled below, as a refused save is.
        }

        // The same code sent twice at once: one redemption wins; the other's unsaved changes
        // must not ride along with the next save (the audit entry).
        db.ChangeTracker.Clear();
        return false;
    }
}
