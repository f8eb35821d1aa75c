using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Web.Areas.Admin.Models;
using Portal.Web.Hosting;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>登录 and 退出. The login page is the only admin page open to anonymous users.</summary>
public sealed class AccountController(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AuditLog audit) : AdminController
{
    [HttpGet, AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginInputModel { ReturnUrl = returnUrl });

    [HttpPost, AllowAnonymous]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Login(LoginInputModel input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = await users.FindByNameAsync(input.UserName);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.Login, "user", user!.Id, userName: user.UserName);
            // Only ever back into this site: an external returnUrl would make our login page a phishing relay.
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl : "/admin");
        }

        var reason = result.IsLockedOut ? "账号已锁定" : result.IsNotAllowed ? "账号已停用" : "用户名或密码错误";
        await audit.WriteAsync(AuditActions.LoginFailed, "user", user?.Id, reason, userName: input.UserName);
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? $"登录失败次数过多，账号已锁定 {SecurityServiceExtensions.LockoutDuration.TotalMinutes:0} 分钟，请稍后再试。"
            : "用户名或密码不正确，或账号已停用。");
        return View(input);
    }

    /// <summary>
    /// Keeps the sliding login alive while an editing page is open (admin.js calls it every few
    /// minutes when the page has a form marked data-keep-alive), so a long article is not lost
    /// to the 30-minute timeout when it is finally saved.
    /// </summary>
    [HttpPost]
    public IActionResult KeepAlive() => NoContent();

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await audit.WriteAsync(AuditActions.Logout, "user", users.GetUserId(User));
        await signIn.SignOutAsync();
        return LocalRedirect("/admin/account/login");
    }

}
