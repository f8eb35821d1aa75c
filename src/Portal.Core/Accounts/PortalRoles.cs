namespace Portal.Core.Accounts;

/// <summary>
/// The three roles of the newsroom. 编辑 write and submit; 审核 approve, publish, schedule, return
/// and withdraw; 管理员 do everything, including users, sections, footer links and settings.
/// </summary>
public static class PortalRoles
{
    public const string Admin = "admin";
    public const string Reviewer = "reviewer";
    public const string Editor = "editor";

    /// <summary>Every role, in order of power.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Reviewer, Editor];

    /// <summary>The role's name in the admin area.</summary>
    public static string DisplayName(string role) => role switch
    {
        Admin => "管理员",
        Reviewer => "审核",
        Editor => "编辑",
        _ => role,
    };
}
