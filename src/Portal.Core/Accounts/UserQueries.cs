using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Paging;

namespace Portal.Core.Accounts;

/// <summary>A staff account in the admin list.</summary>
public sealed record UserListItem(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut)
{
    /// <summary>Whether the account signs in with a second factor (an authenticator app).</summary>
    public bool TwoFactorEnabled { get; init; }

    /// <summary>Whether the password was set by someone else and must be changed at the next sign-in.</summary>
    public bool MustChangePassword { get; init; }

    /// <summary>The account's state as the admin pages word it: a disabled account reads 已停用 even when also locked out.</summary>
    public string Status => IsDisabled ? "已停用" : IsLockedOut ? "已锁定" : "正常";
}

/// <summary>One account for its edit page: what the list shows, and the sections an editor is limited to (empty: all).</summary>
public sealed record UserDetails(UserListItem User, IReadOnlyList<int> SectionIds);

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

        var rows = await Project(users.OrderBy(u => u.UserName).ThenBy(u => u.Id)).ToPagedListAsync(page, PageSize, cancellationToken);
        return new PagedList<UserListItem>(rows.Items.Select(ToItem).ToList(), rows.PageNumber, rows.PageSize, rows.TotalCount);
    }

    /// <summary>One account, or null when there is none with that id.</summary>
    public async Task<UserDetails?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await Project(db.Users.AsNoTracking().Where(u => u.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new UserDetails(ToItem(row), await SectionIdsOf(db, id).ToListAsync(cancellationToken));
    }

    /// <summary>The sections a user is limited to (none: all sections), for the user pages and the editorial checks.</summary>
    internal static IQueryable<int> SectionIdsOf(PortalDbContext db, string userId) =>
        db.UserSections.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.SectionId);

    private IQueryable<UserRow> Project(IQueryable<PortalUser> users) => users.Select(u => new UserRow
    {
        Id = u.Id,
        UserName = u.UserName!,
        DisplayName = u.DisplayName,
        Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
        IsDisabled = u.IsDisabled,
        LockoutEnd = u.LockoutEnd,
        TwoFactorEnabled = u.TwoFactorEnabled,
        MustChangePassword = u.MustChangePassword,
    });

    // The lockout is compared here, in memory: the providers store DateTimeOffset differently.
    private UserListItem ToItem(UserRow row) =>
        new(row.Id, row.UserName, row.DisplayName, row.Roles, row.IsDisabled, row.LockoutEnd > time.GetUtcNow())
        {
            TwoFactorEnabled = row.TwoFactorEnabled,
            MustChangePassword = row.MustChangePassword,
        };

    private sealed class UserRow
    {
        public required string Id { get; init; }

        public required string UserName { get; init; }

        public required string DisplayName { get; init; }

        public required List<string> Roles { get; init; }

        public bool IsDisabled { get; init; }

        public DateTimeOffset? LockoutEnd { get; init; }

        public bool TwoFactorEnabled { get; init; }

        public bool MustChangePassword { get; init; }
    }
}
