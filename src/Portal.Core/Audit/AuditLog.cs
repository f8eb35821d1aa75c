using Portal.Core.Data;

namespace Portal.Core.Audit;

/// <summary>
/// Records administrative actions. <see cref="Add"/> puts the entry into the caller's unit of
/// work, so it is saved in the same transaction as the change it describes (both or neither);
/// <see cref="WriteAsync"/> saves at once, for events that change nothing else (a failed login).
/// </summary>
public sealed class AuditLog(PortalDbContext db, IAuditActor actor, TimeProvider time)
{
    /// <summary>Adds an entry to the pending changes of <see cref="PortalDbContext"/>; the caller saves.</summary>
    public AuditEntry Add(string action, string? targetType = null, string? targetId = null, string? details = null, string? userName = null)
    {
        var entry = new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = Truncate(userName ?? actor.UserName, FieldLengths.AuditUserName),
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Details = details is null ? null : Truncate(details, FieldLengths.AuditDetails),
            IpAddress = actor.IpAddress,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Adds an entry and saves it now.</summary>
    public async Task WriteAsync(string action, string? targetType = null, string? targetId = null, string? details = null, string? userName = null, CancellationToken cancellationToken = default)
    {
        Add(action, targetType, targetId, details, userName);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary><paramref name="value"/> cut to at most <paramref name="max"/> characters, to fit its column.</summary>
    public static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
