using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Site;

namespace Portal.Core.Accounts;

/// <summary>What an administrator may set on an account.</summary>
public sealed record UserChange(string DisplayName, string Role, IReadOnlyCollection<int> SectionIds);

/// <summary>
/// Account administration for 管理员: create, change role and section limits, set a password,
/// disable and enable, lift a lockout; and the account holder's own password change (the second
/// factor is <see cref="SecondFactorService"/>'s). Every change is audited in the same transaction. An administrator cannot
/// disable or demote their own account, so the site never loses its last administrator by
/// accident. A password chosen by someone else must be changed at the next sign-in; disabling,
/// a role change and a new password end the account's open sessions.
/// </summary>
public sealed class UserAdminService(
    UserManager<PortalUser> users,
    PortalDbContext db,
    AuditLog audit,
    StaffSessions sessions,
    PasswordHistoryRecorder history,
    TimeProvider time)
{
    /// <summary>Creates an account; the result's <see cref="CommandResult.Key"/> is its id.</summary>
    public async Task<CommandResult> CreateAsync(string userName, string password, UserChange change)
    {
        if (!PortalRoles.All.Contains(change.Role))
        {
            return CommandResult.Invalid(nameof(UserChange.Role), "请选择角色。");
        }

        var user = new PortalUser
        {
            UserName = userName.Trim(),
            DisplayName = change.DisplayName.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
            MustChangePassword = true,
        };
        return await InTransactionAsync(async () =>
        {
            if (await MissingSectionAsync(change) is { } missing)
            {
                return missing;
            }

            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, change.Role);
            }

            if (!result.Succeeded)
            {
                return result.ToCommandResult();
            }

            SetSections(user.Id, change);
            audit.Add(AuditActions.UserCreate, "user", user.Id, $"{user.UserName}：角色 {PortalRoles.DisplayName(change.Role)}；可编辑栏目 {Describe(change.SectionIds)}");
            await db.SaveChangesAsync();
            return CommandResult.OkKey(user.Id);
        });
    }

    public async Task<CommandResult> UpdateAsync(string userId, string actingUserId, UserChange change)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.NotFound("用户不存在。");
        }

        if (!PortalRoles.All.Contains(change.Role))
        {
            return CommandResult.Invalid(nameof(UserChange.Role), "请选择角色。");
        }

        var currentRoles = await users.GetRolesAsync(user);
        if (userId == actingUserId && change.Role != PortalRoles.Admin && currentRoles.Contains(PortalRoles.Admin))
        {
            return CommandResult.Invalid(nameof(UserChange.Role), "不能取消自己的管理员角色。");
        }

        return await InTransactionAsync(async () => await MissingSectionAsync(change) ?? await UpdateCoreAsync(user, change, currentRoles));
    }

    private async Task<CommandResult> UpdateCoreAsync(PortalUser user, UserChange change, IList<string> currentRoles)
    {
        var userId = user.Id;
        user.DisplayName = change.DisplayName.Trim();
        var result = await users.UpdateAsync(user);
        var roleChanged = !currentRoles.SequenceEqual([change.Role]);
        if (result.Succeeded && roleChanged)
        {
            result = await users.RemoveFromRolesAsync(user, currentRoles);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, change.Role);
            }

            // Open sessions carry the old role: a new stamp and ending them make the change count now.
            if (result.Succeeded)
            {
                result = await users.UpdateSecurityStampAsync(user);
                await sessions.EndAllAsync(userId, SessionEndReasons.AccountChanged);
            }
        }

        if (!result.Succeeded)
        {
            return result.ToCommandResult();
        }

        db.UserSections.RemoveRange(db.UserSections.Where(s => s.UserId == userId));
        SetSections(userId, change);
        audit.Add(AuditActions.UserUpdate, "user", userId,
            $"{user.UserName}：姓名 {user.DisplayName}；角色 {string.Join("、", currentRoles.Select(PortalRoles.DisplayName))} → {PortalRoles.DisplayName(change.Role)}；可编辑栏目 {Describe(change.SectionIds)}");
        await db.SaveChangesAsync();
        return CommandResult.Ok();
    }

    public Task<CommandResult> SetPasswordAsync(string userId, string password) =>
        InTransactionAsync(() => SetPasswordCoreAsync(userId, password));

    /// <summary>
    /// Disables or enables an account. <paramref name="actingUserId"/> is the administrator doing
    /// it (who may not disable their own account), or null on the command line.
    /// </summary>
    public Task<CommandResult> SetDisabledAsync(string userId, string? actingUserId, bool disabled) =>
        InTransactionAsync(() => SetDisabledCoreAsync(userId, actingUserId, disabled));

    public Task<CommandResult> UnlockAsync(string userId) =>
        InTransactionAsync(() => UnlockCoreAsync(userId));

    /// <summary>
    /// Identity's user manager saves on every call; one transaction keeps an account change and
    /// its audit entry together (both or neither).
    /// </summary>
    private Task<CommandResult> InTransactionAsync(Func<Task<CommandResult>> change) =>
        db.InTransactionAsync(change, result => result.Succeeded);

    private async Task<CommandResult> SetPasswordCoreAsync(string userId, string password)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.NotFound("用户不存在。");
        }

        var replaced = user.PasswordHash;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result.ToCommandResult();
        }

        // Someone else chose it: the holder must choose their own at the next sign-in.
        return await AfterNewPasswordAsync(user, replaced, chosenByHolder: false);
    }

    /// <summary>
    /// What follows every new password, in the same transaction: who must change it next, the
    /// replaced hash into the history, every session of the account ended, the audit entry.
    /// A password set by someone else also lifts a lockout.
    /// </summary>
    private async Task<CommandResult> AfterNewPasswordAsync(PortalUser user, string? replaced, bool chosenByHolder)
    {
        user.MustChangePassword = !chosenByHolder;
        if (!chosenByHolder)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }

        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return result.ToCommandResult();
        }

        await history.RecordAsync(user.Id, replaced);
        await sessions.EndAllAsync(user.Id, SessionEndReasons.AccountChanged);
        await audit.WriteAsync(chosenByHolder ? AuditActions.PasswordChange : AuditActions.UserPassword, "user", user.Id, user.UserName);
        return CommandResult.Ok();
    }

    /// <summary>
    /// The account holder changes their own password (checked against the current one and the
    /// history). Every session of the account ends; the caller signs the holder in again.
    /// </summary>
    public Task<CommandResult> ChangeOwnPasswordAsync(string userId, string currentPassword, string newPassword) =>
        InTransactionAsync(async () =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return CommandResult.NotFound("用户不存在。");
            }

            var replaced = user.PasswordHash;
            var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
            if (!result.Succeeded)
            {
                return result.ToCommandResult();
            }

            return await AfterNewPasswordAsync(user, replaced, chosenByHolder: true);
        });

    private async Task<CommandResult> SetDisabledCoreAsync(string userId, string? actingUserId, bool disabled)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.NotFound("用户不存在。");
        }

        if (disabled && userId == actingUserId)
        {
            return CommandResult.Invalid("不能停用自己的账号。");
        }

        // A new security stamp (and ending the session rows) ends the account's open sessions at
        // their next request; the same update saves the flag, so the user is written once.
        user.IsDisabled = disabled;
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return result.ToCommandResult();
        }

        if (disabled)
        {
            await sessions.EndAllAsync(userId, SessionEndReasons.AccountChanged);
        }

        await audit.WriteAsync(disabled ? AuditActions.UserDisable : AuditActions.UserEnable, "user", userId, user.UserName);
        return CommandResult.Ok();
    }

    private async Task<CommandResult> UnlockCoreAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.NotFound("用户不存在。");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(AuditActions.UserUnlock, "user", userId, $"{user.UserName}：解除锁定");
        return CommandResult.Ok();
    }

    /// <summary>A refusal when a chosen section does not exist (a stale form or a forged post), else null.</summary>
    private async Task<CommandResult?> MissingSectionAsync(UserChange change)
    {
        if (change.Role != PortalRoles.Editor || change.SectionIds.Count == 0)
        {
            return null;
        }

        var wanted = change.SectionIds.Distinct().ToList();
        var found = await db.Sections.CountAsync(s => wanted.Contains(s.Id));
        return found == wanted.Count ? null : CommandResult.Invalid("所选栏目不存在或已被删除，请刷新页面后重新选择。");
    }

    private void SetSections(string userId, UserChange change)
    {
        // Section limits apply to editors only; reviewers and administrators work everywhere.
        if (change.Role != PortalRoles.Editor)
        {
            return;
        }

        foreach (var sectionId in change.SectionIds.Distinct())
        {
            db.UserSections.Add(new UserSection { UserId = userId, SectionId = sectionId });
        }
    }

    private static string Describe(IReadOnlyCollection<int> sectionIds) =>
        sectionIds.Count == 0 ? "全部" : string.Join(",", sectionIds.Order());
}
