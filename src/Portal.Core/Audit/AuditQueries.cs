using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Paging;

namespace Portal.Core.Audit;

/// <summary>An audit entry as the admin list shows it.</summary>
public sealed record AuditListItem(long Id, DateTime At, string UserName, string Action, string? TargetType, string? TargetId, string? Details, string? IpAddress);

/// <summary>Filters of the audit log list; every one optional.</summary>
public sealed record AuditFilter(string? UserName, string? Action, DateTime? FromUtc, DateTime? ToUtc);

/// <summary>The read side of the audit log: newest first, filtered, paginated. There is no write side beyond <see cref="AuditLog"/>.</summary>
public sealed class AuditQueries(PortalDbContext db)
{
    public const int PageSize = 50;

    public Task<PagedList<AuditListItem>> ListAsync(AuditFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            entries = entries.Where(e => e.UserName == filter.UserName.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            entries = entries.Where(e => e.Action == filter.Action);
        }

        if (filter.FromUtc is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (filter.ToUtc is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new AuditListItem(e.Id, e.At, e.UserName, e.Action, e.TargetType, e.TargetId, e.Details, e.IpAddress))
            .ToPagedListAsync(page, PageSize, cancellationToken);
    }
}
