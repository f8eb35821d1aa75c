namespace Portal.Core.Audit;

/// <summary>
/// Filters of the audit log (list and export alike); every one optional. <see cref="UserName"/>
/// matches the user name as recorded or the account's display name; <see cref="Text"/> is a part
/// of the details; <see cref="ToUtc"/> is exclusive.
/// </summary>
public sealed record AuditFilter(
    string? UserName = null,
    string? Action = null,
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    string? TargetType = null,
    string? TargetId = null,
    string? Text = null);
