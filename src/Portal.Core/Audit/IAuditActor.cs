namespace Portal.Core.Audit;

/// <summary>
/// Who is acting and from where, as the audit log records it. The web app answers from the
/// signed-in user and the request; the command-line verbs and the scheduler answer for themselves.
/// </summary>
public interface IAuditActor
{
    string? UserId { get; }

    string UserName { get; }

    string? IpAddress { get; }
}
