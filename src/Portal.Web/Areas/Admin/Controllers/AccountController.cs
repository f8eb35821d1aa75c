using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Accounts;
using Portal.Core.Site;
using Portal.Web.Accounts;
using Portal.Web.Hosting;
using Portal.Web.Areas.Admin.Models;
using QRCoder;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// 登录 (password, then the second factor where enrolled), 退出, and 账号安全: the holder's own
/// password and second factor. The login pages are the only admin pages open to anonymous users;
/// the password and second-factor pages are open to an account that must use them first.
/// </summary>
public sealed class AccountController(
    StaffSignIn staff,
    SignInLimiter limiter,
    UserManager<PortalUser> users,
    UserAdminService accounts,
    SecondFactorService secondFactor,
    AccountRules rules,
    SiteContext site) : AdminController
{
    /// <summary>The one answer to every refused sign-in, whatever the reason.</summary>
    public static readonly string RefusedMessage = $"用户名或密码不正确，或账号暂时不能登录。{LockoutRule}；如需帮助，请联系管理员。";

    private static readonly string SecondFactorRefusedMessage = $"验证码不正确，或账号已暂时锁定。{LockoutRule}。";

    private static string LockoutRule =>
        $"连续失败 {SecurityServiceExtensions.MaxFailedAttempts} 次将锁定 {SecurityServiceExtensions.LockoutDuration.TotalMinutes:0} 分钟";

    [HttpGet, AllowAnonymous]
    public IActionResult Login(string? returnUrl, string? reason)
    {
        ViewData["Notice"] = LoginNotices.Text(reason);
        return View(new LoginInputModel { ReturnUrl = returnUrl });
    }

    [HttpPost, AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Login(LoginInputModel input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var outcome = await staff.PasswordAsync(input.UserName, input.Password);
        switch (outcome.Step)
        {
            case SignInStep.SignedIn:
                return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
            case SignInStep.SecondFactor:
                return Redirect("/admin/account/twofactor" + ReturnQuery(input.ReturnUrl));
            case SignInStep.Limited:
                Limited(outcome);
                return View(input);
            default:
                ModelState.AddModelError(string.Empty, RefusedMessage);
                return View(input);
        }
    }

    [HttpGet, AllowAnonymous]
    public async Task<IActionResult> TwoFactor(string? returnUrl) =>
        await staff.HasPendingSecondFactorAsync()
            ? View(new TwoFactorInputModel { ReturnUrl = returnUrl })
            : Redirect("/admin/account/login" + ReturnQuery(returnUrl));

    [HttpPost, AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> TwoFactor(TwoFactorInputModel input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var outcome = await staff.SecondFactorAsync(input.Code);
        switch (outcome.Step)
        {
            case SignInStep.SignedIn:
                return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
            case SignInStep.Restart:
                FlashError("验证已超时，请重新登录。");
                return Redirect("/admin/account/login" + ReturnQuery(input.ReturnUrl));
            case SignInStep.Limited:
                Limited(outcome);
                return View(input);
            default:
                ModelState.AddModelError(string.Empty, SecondFactorRefusedMessage);
                return View(input);
        }
    }

    /// <summary>
    /// Keeps the session alive while an editing page is open and its editor is typing (admin.js
    /// calls it after activity, at most every few minutes), so a long article is not lost to the
    /// idle timeout when it is finally saved.
    /// </summary>
    [HttpPost]
    public IActionResult KeepAlive() => NoContent();

    [HttpPost, AllowBeforeObligation]
    public async Task<IActionResult> Logout()
    {
        await staff.SignOutAsync();
        return LocalRedirect("/admin/account/login?reason=" + LoginNotices.SignedOut);
    }

    [HttpGet, AllowBeforeObligation]
    public async Task<IActionResult> Password()
    {
        var user = await CurrentUserAsync();
        ViewData["Forced"] = user?.MustChangePassword == true;
        return View(new PasswordChangeInputModel());
    }

    [HttpPost, AllowBeforeObligation]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Password(PasswordChangeInputModel input)
    {
        var userId = users.GetUserId(User)!;

        // The current password is checked here too: the same per-account limit as sign-in, so a
        // session left open is not an oracle for guessing it.
        if (ModelState.IsValid && !limiter.TryAcquire("user:" + userId, out var retryAfter))
        {
            Limited(new SignInOutcome(SignInStep.Limited, retryAfter), "修改密码尝试过于频繁");
            ViewData["Forced"] = (await CurrentUserAsync())?.MustChangePassword == true;
            return View(input);
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.ChangeOwnPasswordAsync(userId, input.CurrentPassword, input.NewPassword);
            if (result.Succeeded)
            {
                // Changing the password ended every session of the account, this one included.
                await staff.CompleteAsync((await users.FindByIdAsync(userId))!, "pwd");
                Flash("密码已修改，其他设备上的登录已全部退出。");
                return Redirect("/admin");
            }

            // This form has no Input prefix: every refusal goes to its summary.
            ModelState.AddModelError(string.Empty, ErrorText(result));
        }

        ViewData["Forced"] = (await CurrentUserAsync())?.MustChangePassword == true;
        return View(input);
    }

    [HttpGet, AllowBeforeObligation]
    public async Task<IActionResult> Security() => View(await SecurityModelAsync(new TwoFactorEnableInputModel()));

    [HttpPost, AllowBeforeObligation]
    public async Task<IActionResult> EnableTwoFactor([Bind(Prefix = "Input")] TwoFactorEnableInputModel input)
    {
        if (ModelState.IsValid)
        {
            var userId = users.GetUserId(User)!;
            var (result, codes) = await secondFactor.EnableTwoFactorAsync(userId, input.Code);
            if (result.Succeeded)
            {
                // Enabling ended every session (a new security stamp): this one starts again.
                await staff.CompleteAsync((await users.FindByIdAsync(userId))!, "otp");
                return View("RecoveryCodes", new RecoveryCodesViewModel { Codes = codes });
            }

            ShowErrors(result);
        }

        return View("Security", await SecurityModelAsync(input));
    }

    [HttpPost]
    public async Task<IActionResult> RecoveryCodes()
    {
        var codes = await secondFactor.RenewRecoveryCodesAsync(users.GetUserId(User)!);
        return codes.Count == 0 ? Redirect("/admin/account/security") : View(new RecoveryCodesViewModel { Codes = codes });
    }

    [HttpPost]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var userId = users.GetUserId(User)!;
        var result = await secondFactor.DisableOwnTwoFactorAsync(userId, rules.MayDisableTwoFactor(await RolesAsync()));
        if (result.Succeeded)
        {
            await staff.CompleteAsync((await users.FindByIdAsync(userId))!, "pwd");
            Flash("双因素认证已关闭。");
        }
        else
        {
            FlashError(ErrorText(result));
        }

        return Redirect("/admin/account/security");
    }

    private async Task<AccountSecurityViewModel> SecurityModelAsync(TwoFactorEnableInputModel input)
    {
        var user = (await CurrentUserAsync())!;
        var roles = await RolesAsync();
        var key = await secondFactor.EnrolmentKeyAsync(user.Id);
        return new AccountSecurityViewModel
        {
            TwoFactorEnabled = user.TwoFactorEnabled,
            TwoFactorRequired = rules.RequiresTwoFactor(roles),
            MayDisableTwoFactor = rules.MayDisableTwoFactor(roles),
            RecoveryCodesLeft = user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0,
            SharedKey = key is null ? null : GroupKey(key),
            QrCodeDataUri = key is null ? null : QrCode(await OtpAuthUriAsync(user, key)),
            Input = input,
        };
    }

    private async Task<string> OtpAuthUriAsync(PortalUser user, string key)
    {
        var issuer = UrlEncoder.Default.Encode((await site.GetIdentityAsync()).SiteName);
        var account = UrlEncoder.Default.Encode(user.UserName ?? user.Id);
        return $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6";
    }

    /// <summary>The key in groups of four, lower case, as authenticator apps accept it typed.</summary>
    private static string GroupKey(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The QR code as a PNG data URI: drawn here, no script and no other server involved.</summary>
    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private async Task<PortalUser?> CurrentUserAsync() => await users.GetUserAsync(User);

    private async Task<IList<string>> RolesAsync() =>
        await CurrentUserAsync() is { } user ? await users.GetRolesAsync(user) : [];

    private void Limited(SignInOutcome outcome, string what = "登录尝试过于频繁")
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(outcome.RetryAfter.TotalSeconds));
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        ModelState.AddModelError(string.Empty, $"{what}，请 {seconds} 秒后再试。");
    }

    /// <summary>Only ever back into this site: an external returnUrl would make our login page a phishing relay.</summary>
    private string SafeReturnUrl(string? returnUrl) => LocalReturnUrl.Resolve(Url, returnUrl, "/admin");

    private string ReturnQuery(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl) : "";
}
