using Microsoft.AspNetCore.Identity;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Web.Hosting;

namespace Portal.Web.Commands;

/// <summary>
/// The account verbs, for the first administrator and for recovery: create-user, set-password
/// and disable-user. Passwords are read from standard input (one line), never from arguments,
/// which other users of the server could read from the process list. Messages are in English.
/// </summary>
public sealed class UserCommands(UserManager<PortalUser> users, StoreInitializer store, PortalDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Creates an account with one role; the password comes from <paramref name="input"/>.</summary>
    public async Task<string> CreateAsync(string userName, string role, string? displayName, TextReader input)
    {
        if (!PortalRoles.All.Contains(role))
        {
            throw new CommandException($"Unknown role '{role}'; allowed roles are {string.Join(", ", PortalRoles.All)}.");
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new CommandException($"A user named '{userName}' already exists; use set-password to change the password.");
        }

        var user = new PortalUser
        {
            UserName = userName,
            DisplayName = displayName ?? userName,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var password = await ReadPasswordAsync(user, input);
        await store.EnsureRolesAsync();

        // Identity saves on every call: one transaction, so no user is left without a role or an audit entry.
        return await db.InTransactionAsync(async () =>
        {
            Check(await users.CreateAsync(user, password), "create the user");
            Check(await users.AddToRoleAsync(user, role), "add the role");
            await audit.WriteAsync(AuditActions.UserCreate, "user", user.Id, $"{userName}：角色 {PortalRoles.DisplayName(role)}（命令行）");
            return $"Created user '{userName}' with role {role}.";
        });
    }

    /// <summary>Sets a new password, lifts a lockout and ends open sessions.</summary>
    public async Task<string> SetPasswordAsync(string userName, TextReader input)
    {
        var user = await FindAsync(userName);
        var password = await ReadPasswordAsync(user, input);
        return await db.InTransactionAsync(async () =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password), "set the password");
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await audit.WriteAsync(AuditActions.UserPassword, "user", user.Id, $"{userName}（命令行）");
            return $"Password of '{userName}' set.";
        });
    }

    /// <summary>Disables an account: it cannot sign in, and open sessions end at the next check.</summary>
    public async Task<string> DisableAsync(string userName)
    {
        var user = await FindAsync(userName);
        return await db.InTransactionAsync(async () =>
        {
            user.IsDisabled = true;
            Check(await users.UpdateAsync(user), "disable the user");
            await users.UpdateSecurityStampAsync(user);
            await audit.WriteAsync(AuditActions.UserDisable, "user", user.Id, $"{userName}（命令行）");
            return $"User '{userName}' disabled.";
        });
    }

    private async Task<PortalUser> FindAsync(string userName) =>
        await users.FindByNameAsync(userName) ?? throw new CommandException($"No user named '{userName}'.");

    private async Task<string> ReadPasswordAsync(PortalUser user, TextReader input)
    {
        var password = await input.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            throw new CommandException("No password on standard input: give it as one line, e.g. `read -rs pw; echo \"$pw\" | dotnet run ...`.");
        }

        // The policy's own validators, with Identity's English messages (the web shows Chinese ones).
        var english = new IdentityErrorDescriber();
        var failures = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = validator is PasswordValidator<PortalUser>
                ? await new PasswordValidator<PortalUser>(english).ValidateAsync(users, user, password)
                : await validator.ValidateAsync(users, user, password);
            failures.AddRange(result.Errors.Select(e => e.Description));
        }

        return failures.Count == 0
            ? password
            : throw new CommandException("The password is too weak: " + string.Join(" ", failures));
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new CommandException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => $"{e.Code}."))}");
        }
    }
}

/// <summary>A verb's failure with a message for the operator; the verb exits 1.</summary>
public sealed class CommandException(string message) : Exception(message);
