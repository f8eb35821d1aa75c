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
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null).SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.ConcurrencyStamp, NewStamp()), cancellationToken);
        }

        var max = MaxAttempts;
        var claimed = await db.Users.Where(u => u.Id == user.Id && u.LockoutEnd == null && u.AccessFailedCount < max)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1).SetProperty(u => u.ConcurrencyStamp, NewStamp()), cancellationToken) == 1;
        if (!claimed)
        {
            // No try left: make sure a lockout is set, so it runs out like any other (and the
            // count cannot stay at the limit with no lockout to lift it).
            await LockIfExhaustedAsync(user.Id, cancellationToken);
        }

        return claimed;
    }

    /// <summary>
    /// The same conditional UPDATE for a name with no account (it matches no row), so an unknown
    /// name costs the store what a known one does.
    /// </summary>
    public Task ClaimForNobodyAsync(CancellationToken cancellationToken = default)
    {
        var max = MaxAttempts;
        return db.Users.Where(u => u.Id == "" && u.LockoutEnd == null && u.AccessFailedCount < max)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1).SetProperty(u => u.ConcurrencyStamp, NewStamp()), cancellationToken);
    }

    /// <summary>
    /// Gives back a claimed try whose password was right but which did not sign in (the second
    /// factor comes next with tries of its own, or the account is disabled).
    /// </summary>
    public Task ReleaseAsync(PortalUser user, CancellationToken cancellationToken = default) =>
        !user.LockoutEnabled
            ? Task.CompletedTask
            : db.Users.Where(u => u.Id == user.Id && u.LockoutEnd == null && u.AccessFailedCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount - 1).SetProperty(u => u.ConcurrencyStamp, NewStamp()), cancellationToken);

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

        await LockIfExhaustedAsync(user.Id, cancellationToken);
    }

    /// <summary>A claimed try succeeded: the count starts again.</summary>
    public Task SucceededAsync(PortalUser user, CancellationToken cancellationToken = default) =>
        db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null).SetProperty(u => u.ConcurrencyStamp, NewStamp()), cancellationToken);

    private Task<int> LockIfExhaustedAsync(string userId, CancellationToken cancellationToken)
    {
        var max = MaxAttempts;
        DateTimeOffset? until = time.GetUtcNow() + identity.Value.Lockout.DefaultLockoutTimeSpan;
        return db.Users.Where(u => u.Id == userId && u.LockoutEnd == null && u.AccessFailedCount >= max)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, until).SetProperty(u => u.ConcurrencyStamp, NewStamp()), cancellationToken);
    }

    /// <summary>
    /// Every change here also replaces the concurrency stamp, so an account read before it and
    /// saved afterwards through Identity is refused as a concurrency failure instead of writing
    /// back an old count or lifting a lockout.
    /// </summary>
    private static string NewStamp() => Guid.NewGuid().ToString();
}
