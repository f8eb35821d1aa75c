using Microsoft.AspNetCore.Identity;

namespace Portal.Core.Accounts;

/// <summary>An editor, reviewer or administrator. Readers have no accounts.</summary>
public class PortalUser : IdentityUser
{
    /// <summary>The name shown in the admin area and the audit log, e.g. 张三.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// A disabled account cannot sign in, and its open sessions end at the next security-stamp
    /// check. Accounts are disabled, never deleted, so the audit log keeps naming real people.
    /// </summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Set when someone else chose the password (an administrator creating or resetting the
    /// account, or the operator at the console): the user must choose their own at the next sign-in.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The sections an editor may write in; empty means all sections.</summary>
    public List<UserSection> Sections { get; set; } = [];
}

/// <summary>A section an editor is limited to (set by an administrator).</summary>
public class UserSection
{
    public string UserId { get; set; } = "";

    public int SectionId { get; set; }
}
