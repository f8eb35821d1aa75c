namespace Portal.Core.Audit;

/// <summary>An audit entry as the admin list and the export read it.</summary>
public sealed record AuditListItem(long Id, DateTime At, string? UserId, string UserName, string Action, string? TargetType, string? TargetId, string? Details, string? IpAddress);
