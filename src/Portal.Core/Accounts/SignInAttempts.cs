using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Accounts;

/// <summary>
/// The failed-attempt count and the lockout, changed only by conditional UPDATEs, so concurrent
/// attempts cannot race: each attempt first claims one of the allowed tries (the count goes up
/// only while it is below the limit and no lockout is set), and only a claimed attempt is
/// checked. Thirty guesses at once therefore count thirty and check at most five. Identity's own
/// read-modify-write (<c>AccessFailedAsync</c>) is not used: it lost updates and threw
/// <see cref="DbUpdateConcurrencyException"/> under concurrency.
/// </summary>
public sealed class SignInAttempts(PortalDbContext db, IOptions<IdentityOptions> identity, TimeProvider time)
{
    private int MaxAttempts => identity.Value.Lockout.MaxFailedAccessAttempts;

    /// <summary>Whether the account is locked now (as read with <paramref name="user"/>).</summary>
    public bool IsLockedOut(PortalUser user) => user.LockoutEnabled && user.LockoutEnd > time.GetUtcNow();

    /// <summary>
    /// Claims one try for <paramref name="user"/>; false when the account is locked or its tries
    /// are used up by attempts still being checked. A lockout that has run out is lifted first.
    /// </summary>
    public async Task<bool> TryClaimAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        if (!user.LockoutEnabled)
        {
            return true;
        }

        if (user.LockoutEnd is { } end)
        {
            if (end > time.GetUtcNow())
            {
                return false;
            }

            // Only the lockout that was read is lifted: one set meanwhile by another attempt stays.
            await db.Users.Where(u => u.Id == user.Id && u.LockoutEnd == end)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null).SetProperty(u => u.AccessFailedCount, 0), cancellationToken);
        }

        var max = MaxAttempts;
        return await db.Users.Where(u => u.Id == user.Id && u.LockoutEnd == null && u.AccessFailedCount < max)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), cancellationToken) == 1;
    }

    /// <summary>
    /// A claimed try failed: when it was the last allowed one, the account is locked for
    /// Identity's lockout time. The count stays at the limit until the lockout is lifted.
    /// </summary>
    public async Task FailedAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        if (!user.LockoutEnabled)
        {
            return;
        }

        var max = MaxAttempts;
        DateTimeOffset? until = time.GetUtcNow() + identity.Value.Lockout.DefaultLockoutTimeSpan;
        await db.Users.Where(u => u.Id == user.Id && u.LockoutEnd == null && u.AccessFailedCount >= max)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, until), cancellationToken);
    }

    /// <summary>A claimed try succeeded: the count starts again.</summary>
    public Task SucceededAsync(PortalUser user, CancellationToken cancellationToken = default) =>
        db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null), cancellationToken);
}
