using Microsoft.AspNetCore.Identity;
using Portal.Core.Accounts;
using Portal.Core.Site;
using Portal.Web.Hosting;

namespace Portal.Web.Commands;

/// <summary>
/// The account verbs, for the first administrator and for recovery: create-user, set-password,
/// disable-user and reset-2fa. Passwords are read from standard input (one line), never from arguments,
/// which other users of the server could read from the process list. Messages are in English.
/// The changes themselves (and their audit entries, under the actor <c>cli:&lt;user&gt;</c>) are
/// <see cref="UserAdminService"/>'s, the same as in 用户管理.
/// </summary>
public sealed class UserCommands(UserManager<PortalUser> users, UserAdminService service, SecondFactorService secondFactor, StoreInitializer store)
{
    /// <summary>Creates an account with one role; the password comes from <paramref name="input"/>.</summary>
    public async Task<string> CreateAsync(string userName, string role, string? displayName, TextReader input)
    {
        userName = userName.Trim();
        if (!PortalRoles.All.Contains(role))
        {
            throw new CommandException($"Unknown role '{role}'; allowed roles are {string.Join(", ", PortalRoles.All)}.");
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new CommandException($"A user named '{userName}' already exists; use set-password to change the password.");
        }

        var password = await ReadPasswordAsync(new PortalUser { UserName = userName }, input);
        await store.EnsureRolesAsync();
        var result = await service.CreateAsync(userName, password, new UserChange(displayName ?? userName, role, []));
        Check(result, "create the user");
        return $"Created user '{userName}' with role {role}.";
    }

    /// <summary>Sets a new password, lifts a lockout and ends open sessions.</summary>
    public async Task<string> SetPasswordAsync(string userName, TextReader input)
    {
        var user = await FindAsync(userName);
        var password = await ReadPasswordAsync(user, input);
        Check(await service.SetPasswordAsync(user.Id, password), "set the password");
        return $"Password of '{user.UserName}' set.";
    }

    /// <summary>Disables an account: it cannot sign in, and open sessions end at the next check.</summary>
    public async Task<string> DisableAsync(string userName)
    {
        var user = await FindAsync(userName);
        Check(await service.SetDisabledAsync(user.Id, actingUserId: null, disabled: true), "disable the user");
        return $"User '{user.UserName}' disabled.";
    }

    /// <summary>Removes an account's second factor and ends its sessions; it enrols again at the next sign-in if its role requires one.</summary>
    public async Task<string> ResetTwoFactorAsync(string userName)
    {
        var user = await FindAsync(userName);
        var had = user.TwoFactorEnabled;
        Check(await secondFactor.ResetTwoFactorAsync(user.Id), "reset the second factor");
        return had
            ? $"Second factor of '{user.UserName}' removed; its open sessions ended."
            : $"'{user.UserName}' had no second factor; its open sessions ended.";
    }

    private async Task<PortalUser> FindAsync(string userName) =>
        await users.FindByNameAsync(userName.Trim()) ?? throw new CommandException($"No user named '{userName}'.");

    /// <summary>
    /// Reads the password and checks it against the policy first, with Identity's English
    /// messages: the service would refuse a weak one too, but in the web's Chinese.
    /// </summary>
    private async Task<string> ReadPasswordAsync(PortalUser user, TextReader input)
    {
        var password = await input.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            throw new CommandException("No password on standard input: give it as one line, e.g. `read -rs pw; echo \"$pw\" | dotnet run ...`.");
        }

        var english = new IdentityErrorDescriber();
        var failures = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = validator is PasswordValidator<PortalUser>
                ? await new PasswordValidator<PortalUser>(english).ValidateAsync(users, user, password)
                : await validator.ValidateAsync(users, user, password);
            failures.AddRange(result.Errors.Select(e => e.Code == PasswordHistoryValidator.ErrorCode
                ? "The password was used recently by this account; choose another."
                : e.Description));
        }

        return failures.Count == 0
            ? password
            : throw new CommandException("The password is too weak: " + string.Join(" ", failures));
    }

    /// <summary>
    /// Turns a refused change into the verb's failure. The pre-checks above catch the usual causes
    /// in English; what is left (rare) comes from the service in the web's Chinese.
    /// </summary>
    private static void Check(CommandResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new CommandException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Message).DefaultIfEmpty(result.Message))}");
        }
    }
}

/// <summary>A verb's failure with a message for the operator; the verb exits 1.</summary>
public sealed class CommandException(string message) : Exception(message);
