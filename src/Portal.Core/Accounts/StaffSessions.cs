using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Data;

namespace Portal.Core.Accounts;

/// <summary>The state of a session as checked on a request.</summary>
/// <param name="IsActive">Whether the request may go on as the session's user.</param>
/// <param name="EndReason">Why it ended (<see cref="SessionEndReasons"/>), when it has.</param>
/// <param name="MustChangePassword">For an active session: the account's flag, as stored now.</param>
/// <param name="TwoFactorEnabled">For an active session: whether the account has a second factor now.</param>
/// <param name="ShownName">For an active session: the name the admin header shows (the display name as stored now, else the user name).</param>
public sealed record SessionCheck(bool IsActive, string? EndReason, bool MustChangePassword = false, bool TwoFactorEnabled = false, string? ShownName = null)
{
    public static SessionCheck Ended(string? reason) => new(false, reason);
}

/// <summary>
/// Server-side staff sessions: started at sign-in, checked on every admin request (idle timeout,
/// absolute lifetime, security stamp, disabled account), ended by sign-out and account changes.
/// Sessions live in the database, so several servers see the same ending at once.
/// </summary>
public sealed class StaffSessions(PortalDbContext db, IOptions<AccountOptions> options, TimeProvider time)
{
    /// <summary>A session's last request is written at most this often (not on every request).</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Ended and expired sessions are kept this long (for the account's history), then removed.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public async Task<StaffSession> StartAsync(PortalUser user, string? ipAddress, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new StaffSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            UserId = user.Id,
            SecurityStamp = user.SecurityStamp ?? "",
            CreatedAt = now,
            LastSeenAt = now,
            IpAddress = ipAddress is null ? null : AuditLog.Truncate(ipAddress, FieldLengths.IpAddress),
            UserAgent = userAgent is null ? null : AuditLog.Truncate(userAgent, FieldLengths.UserAgent),
        };
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);

        // The account's old rows go as it starts a new one: the table stays the size of its use.
        var cutoff = now - Retention;
        await db.StaffSessions.Where(s => s.UserId == user.Id && s.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return session;
    }

    /// <summary>
    /// Checks the session <paramref name="sessionId"/> of <paramref name="userId"/>: it must exist,
    /// not have ended, be within the idle timeout and the lifetime, and its account must still be
    /// enabled with the same security stamp. A session found expired is ended here. A request of
    /// the admin area counts as activity (<paramref name="touch"/>); fetching a file does not, so
    /// an open page's images never keep an idle session alive.
    /// </summary>
    public async Task<SessionCheck> CheckAsync(string sessionId, string userId, bool touch = true, CancellationToken cancellationToken = default)
    {
        var row = await db.StaffSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.CreatedAt, s.LastSeenAt, s.EndedAt, s.EndReason, s.SecurityStamp, UserStamp = u.SecurityStamp, u.IsDisabled, u.MustChangePassword, u.TwoFactorEnabled, u.DisplayName, u.UserName })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return SessionCheck.Ended(null);
        }

        if (row.EndedAt is not null)
        {
            return SessionCheck.Ended(row.EndReason);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var reason = row.IsDisabled || row.SecurityStamp != (row.UserStamp ?? "") ? SessionEndReasons.AccountChanged
            : now - row.CreatedAt >= settings.AbsoluteLifetime ? SessionEndReasons.Lifetime
            : now - row.LastSeenAt >= settings.IdleTimeout ? SessionEndReasons.Idle
            : null;
        if (reason is not null)
        {
            await EndAsync(sessionId, reason, cancellationToken);
            return SessionCheck.Ended(reason);
        }

        if (touch && now - row.LastSeenAt >= TouchInterval)
        {
            await db.StaffSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        return new SessionCheck(true, null, row.MustChangePassword, row.TwoFactorEnabled, string.IsNullOrWhiteSpace(row.DisplayName) ? row.UserName : row.DisplayName.Trim());
    }

    /// <summary>Ends one session (sign-out, timeout).</summary>
    public Task EndAsync(string sessionId, string reason, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.StaffSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), cancellationToken);
    }

    /// <summary>Ends every open session of an account (disabled, role, password or second factor changed).</summary>
    public Task<int> EndAllAsync(string userId, string reason, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.StaffSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), cancellationToken);
    }
}
