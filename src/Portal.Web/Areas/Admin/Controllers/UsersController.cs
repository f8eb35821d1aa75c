using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>用户管理 (administrators only).</summary>
[Authorize(Policy = PortalPolicies.Administer)]
public sealed class UsersController(UserQueries queries, UserAdminService service, SecondFactorService secondFactor, UserManager<PortalUser> users, SiteContext site) : AdminController
{
    [HttpGet("/admin/users")]
    public async Task<IActionResult> Index(string? search, string? role, int page = 1, CancellationToken cancellationToken = default)
    {
        if (page < 1)
        {
            return NotFound();
        }

        return View(new UserListViewModel { Users = await queries.ListAsync(search, role, page, cancellationToken), Search = search, Role = role });
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await EditModelAsync(null, new UserInputModel(), cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] UserInputModel input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(input.Password))
        {
            ModelState.AddModelError("Input." + nameof(input.Password), "请输入初始密码。");
        }

        if (ModelState.IsValid)
        {
            var result = await service.CreateAsync(input.UserName, input.Password!, input.ToChange());
            if (result.Succeeded)
            {
                Flash($"已创建用户 {input.UserName}。");
                return Redirect($"/admin/users/edit/{result.Key}");
            }

            ShowErrors(result);
        }

        return View("Edit", await EditModelAsync(null, input, cancellationToken));
    }

    [HttpGet("/admin/users/edit/{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        var input = new UserInputModel
        {
            UserName = details.User.UserName,
            DisplayName = details.User.DisplayName,
            Role = details.User.Roles.Count > 0 ? details.User.Roles[0] : PortalRoles.Editor,
            SectionIds = [.. details.SectionIds],
        };
        return View(await EditModelAsync(details.User, input, cancellationToken));
    }

    [HttpPost("/admin/users/edit/{id}")]
    public async Task<IActionResult> Edit(string id, [Bind(Prefix = "Input")] UserInputModel input, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        // The user name is fixed once created: the audit log refers to people by it.
        input.UserName = details.User.UserName;
        ModelState.Remove("Input." + nameof(input.UserName));
        if (ModelState.IsValid)
        {
            var result = await service.UpdateAsync(id, users.GetUserId(User)!, input.ToChange());
            if (result.Succeeded)
            {
                Flash($"已保存用户 {details.User.UserName} 的资料。");
                return Redirect($"/admin/users/edit/{id}");
            }

            ShowErrors(result);
        }

        return View(await EditModelAsync(details.User, input, cancellationToken));
    }

    [HttpPost("/admin/users/setpassword/{id}")]
    public async Task<IActionResult> SetPassword(string id, PasswordInputModel input)
    {
        var result = ModelState.IsValid ? await service.SetPasswordAsync(id, input.Password) : CommandResult.Invalid("请输入新密码。");
        Report(result, "密码已设置，该用户下次登录时须修改密码。", "密码未设置：");
        return Redirect($"/admin/users/edit/{id}");
    }

    [HttpPost("/admin/users/disable/{id}")]
    public async Task<IActionResult> Disable(string id) => await SetDisabledAsync(id, disabled: true);

    [HttpPost("/admin/users/enable/{id}")]
    public async Task<IActionResult> Enable(string id) => await SetDisabledAsync(id, disabled: false);

    [HttpPost("/admin/users/unlock/{id}")]
    public async Task<IActionResult> Unlock(string id)
    {
        var result = await service.UnlockAsync(id);
        Report(result, "已解除锁定。");
        return Redirect($"/admin/users/edit/{id}");
    }

    [HttpPost("/admin/users/resettwofactor/{id}")]
    public async Task<IActionResult> ResetTwoFactor(string id)
    {
        var result = await secondFactor.ResetTwoFactorAsync(id);
        Report(result, "已重置双因素认证，该用户下次登录时需重新设置。");
        return Redirect($"/admin/users/edit/{id}");
    }

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        var result = await service.SetDisabledAsync(id, users.GetUserId(User)!, disabled);
        Report(result, disabled ? "账号已停用。" : "账号已启用。");
        return Redirect($"/admin/users/edit/{id}");
    }

    private async Task<UserEditViewModel> EditModelAsync(UserListItem? account, UserInputModel input, CancellationToken cancellationToken)
    {
        var tree = await site.GetSectionsAsync(cancellationToken);
        return new UserEditViewModel
        {
            Account = account,
            Input = input,
            Sections = tree.Roots.SelectMany(SectionTree.SelfAndDescendants).ToList(),
        };
    }

    /// <summary>Flashes the outcome of an action that redirects back to the edit page: success as a status, refusal as an alert.</summary>
    private void Report(CommandResult result, string success, string failurePrefix = "")
    {
        if (result.Succeeded)
        {
            Flash(success);
        }
        else
        {
            FlashError(failurePrefix + ErrorText(result));
        }
    }
}
