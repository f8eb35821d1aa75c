using System.Security.Claims;
using Portal.Core.Audit;

namespace Portal.Web.Hosting;

/// <summary>The audit log's actor in a web request: the signed-in user and the client's address.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => accessor.HttpContext?.User.Identity?.Name ?? "anonymous";

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}

/// <summary>The audit log's actor for a command-line verb: the operator at the server's console.</summary>
public sealed class CommandLineAuditActor : IAuditActor
{
    public string? UserId => null;

    public string UserName => $"cli:{Environment.UserName}";

    public string? IpAddress => null;
}
