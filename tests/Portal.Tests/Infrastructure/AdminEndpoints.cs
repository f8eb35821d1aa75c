using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Infrastructure;

/// <summary>An admin endpoint as the route table knows it, with a concrete path (every route parameter set to 1).</summary>
public sealed record AdminEndpoint(RouteEndpoint Endpoint, string Name, string Path, IReadOnlyList<string> Methods, IReadOnlyList<string> Policies);

/// <summary>
/// Every endpoint of the admin area, discovered from the app's route table, so that tests over
/// "all admin pages" cover a new one without being told.
/// </summary>
public static partial class AdminEndpoints
{
    public static IReadOnlyList<AdminEndpoint> All(PortalFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action is not null && e.Action.RouteValues.TryGetValue("area", out var area) && area == "Admin")
            .Select(e => new AdminEndpoint(
                e.Endpoint,
                $"{e.Action!.ControllerName}.{e.Action.ActionName}",
                "/" + RouteParameter().Replace(e.Endpoint.RoutePattern.RawText!.TrimStart('/'), "1"),
                e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() ?? ["GET", "POST"],
                e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList()))
            .ToList();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
