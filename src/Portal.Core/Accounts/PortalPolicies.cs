namespace Portal.Core.Accounts;

/// <summary>
/// The named authorisation policies. Every admin endpoint requires one of them; the role matrix
/// test discovers the endpoints from the route table and fails for one without a policy.
/// </summary>
public static class PortalPolicies
{
    /// <summary>
    /// Any signed-in staff member: 编辑, 审核 or 管理员. Also 网站检查 and its 重新检查: editors fix
    /// most findings and may confirm their fix; a run only reads the content, and one runs at a time.
    /// </summary>
    public const string Staff = "Staff";

    /// <summary>审核 and 管理员: approve, publish, schedule, return, withdraw.</summary>
    public const string Review = "Review";

    /// <summary>管理员 only: users, sections, footer links, settings, the audit log, the recycle bin.</summary>
    public const string Administer = "Administer";

    /// <summary>The roles <see cref="Staff"/> admits.</summary>
    public static IReadOnlyList<string> StaffRoles { get; } = [PortalRoles.Admin, PortalRoles.Reviewer, PortalRoles.Editor];

    /// <summary>The roles <see cref="Review"/> admits.</summary>
    public static IReadOnlyList<string> ReviewRoles { get; } = [PortalRoles.Admin, PortalRoles.Reviewer];

    /// <summary>The role <see cref="Administer"/> admits.</summary>
    public static IReadOnlyList<string> AdministerRoles { get; } = [PortalRoles.Admin];
}
