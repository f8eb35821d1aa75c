namespace Portal.Core.Messages;

/// <summary>承办部门: a department that answers letters (managed by administrators).</summary>
public class MessageDepartment
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    /// <summary>A retired department keeps its letters but gets no new ones.</summary>
    public bool IsRetired { get; set; }
}

/// <summary>A department a 办理员 belongs to (set by an administrator).</summary>
public class UserDepartment
{
    public string UserId { get; set; } = "";

    public int DepartmentId { get; set; }
}
