namespace Portal.Core.Audit;

/// <summary>An audit entry with its actor's display name and its object described (<see cref="AuditTarget"/>).</summary>
public sealed record AuditRow(AuditListItem Entry, string ActorName, AuditTarget? Target);
