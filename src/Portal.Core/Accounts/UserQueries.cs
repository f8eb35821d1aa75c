using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Paging;

namespace Portal.Core.Accounts;

/// <summary>A staff account in the admin list.</summary>
public sealed record UserListItem(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut);

/// <summary>The read side of accounts for the admin area.</summary>
public sealed class UserQueries(PortalDbContext db, TimeProvider time)
{
    public const int PageSize = 30;

    /// <summary>Accounts ordered by user name, optionally filtered by a name fragment and a role.</summary>
    public async Task<PagedList<UserListItem>> ListAsync(string? search, string? role, int page, CancellationToken cancellationToken = default)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            users = users.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }

        if (!string.IsNullOrEmpty(role))
        {
            var roleId = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        }

        var rows = await users.OrderBy(u => u.UserName).ThenBy(u => u.Id)
            .Select(u => new
            {
                u.Id,
                UserName = u.UserName!,
                u.DisplayName,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                u.IsDisabled,
                u.LockoutEnd,
            })
            .ToPagedListAsync(page, PageSize, cancellationToken);
        return new PagedList<UserListItem>(
            rows.Items.Select(r => new UserListItem(r.Id, r.UserName, r.DisplayName, r.Roles, r.IsDisabled, r.LockoutEnd > time.GetUtcNow())).ToList(),
            rows.PageNumber, rows.PageSize, rows.TotalCount);
    }

    /// <summary>The sections an editor is limited to (empty: all).</summary>
    public Task<List<int>> SectionIdsAsync(string userId, CancellationToken cancellationToken = default) =>
        db.UserSections.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.SectionId).ToListAsync(cancellationToken);
}
