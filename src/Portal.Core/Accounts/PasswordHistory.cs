using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Accounts;

/// <summary>
/// Refuses a password the account used lately (its current one and those before it, up to
/// <see cref="AccountOptions.PasswordHistory"/> in all), as one of Identity's password validators,
/// so every way of setting a password (own change, administrator's reset, the console) checks it.
/// </summary>
public sealed class PasswordHistoryValidator(PortalDbContext db, IOptions<AccountOptions> options) : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "PasswordReused";

    public async Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || string.IsNullOrEmpty(user.Id))
        {
            return IdentityResult.Success;
        }

        var count = options.Value.PasswordHistory;
        var earlier = await db.PasswordHistory.AsNoTracking()
            .Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.ReplacedAt).ThenByDescending(h => h.Id)
            .Take(count - 1)
            .Select(h => h.PasswordHash)
            .ToListAsync();
        IEnumerable<string> hashes = user.PasswordHash is { } current ? [current, .. earlier] : earlier;
        foreach (var hash in hashes.Take(count))
        {
            if (manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed)
            {
                return IdentityResult.Failed(new IdentityError
                {
                    Code = ErrorCode,
                    Description = $"新密码不能与最近 {count} 次使用过的密码相同。",
                });
            }
        }

        return IdentityResult.Success;
    }
}

/// <summary>Keeps the hashes of replaced passwords, as many as the history needs and no more.</summary>
public sealed class PasswordHistoryRecorder(PortalDbContext db, IOptions<AccountOptions> options, TimeProvider time)
{
    /// <summary>Adds <paramref name="replacedHash"/> (the password being replaced) to the pending changes and drops older entries than needed.</summary>
    public async Task RecordAsync(string userId, string? replacedHash, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(replacedHash))
        {
            return;
        }

        db.PasswordHistory.Add(new PasswordHistoryEntry { UserId = userId, PasswordHash = replacedHash, ReplacedAt = time.GetUtcNow().UtcDateTime });

        // The new entry and the current password make two; keep count - 1 entries in all.
        var keep = options.Value.PasswordHistory - 1;
        var stale = await db.PasswordHistory
            .Where(h => h.UserId == userId)
            .OrderByDescending(h => h.ReplacedAt).ThenByDescending(h => h.Id)
            .Skip(Math.Max(keep - 1, 0))
            .Select(h => h.Id)
            .ToListAsync(cancellationToken);
        if (stale.Count > 0)
        {
            await db.PasswordHistory.Where(h => stale.Contains(h.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
