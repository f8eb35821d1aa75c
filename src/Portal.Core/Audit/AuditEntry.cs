namespace Portal.Core.Audit;

/// <summary>
/// One administrative action: who, when, what, from which address. The audit log is append-only:
/// the context refuses to change or delete an entry, and no page offers to.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The acting user's id; null for the system (scheduled publishing) or an unknown login name.</summary>
    public string? UserId { get; set; }

    /// <summary>The user name as typed or as it was at the time.</summary>
    public string UserName { get; set; } = "";

    /// <summary>What happened, e.g. <c>article.publish</c>; see <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What it happened to, e.g. <c>article</c>, <c>section</c>, <c>user</c>.</summary>
    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    /// <summary>Details in words, e.g. the old and new publish date.</summary>
    public string? Details { get; set; }

    /// <summary>The client's IP address.</summary>
    public string? IpAddress { get; set; }
}
