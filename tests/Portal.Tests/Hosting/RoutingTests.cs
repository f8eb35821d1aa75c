using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Sections;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hosting;

/// <summary>Sections live at the path of their slugs, so the site's own first path segments must be reserved.</summary>
public sealed class RoutingTests
{
    [Fact]
    public void EveryFixedRoute_FirstSegment_IsAReservedSlug()
    {
        using var factory = PortalFactory.Empty();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var firstLiterals = endpoints
            .Select(e => e.RoutePattern.PathSegments.Count > 0 ? e.RoutePattern.PathSegments[0] : null)
            .Where(segment => segment is { IsSimple: true } && segment.Parts[0] is RoutePatternLiteralPart)
            .Select(segment => ((RoutePatternLiteralPart)segment!.Parts[0]).Content.ToLowerInvariant())
            .Distinct()
            .ToList();

        Assert.Contains("articles", firstLiterals);
        Assert.All(firstLiterals, literal => Assert.Contains(literal, SectionSlug.Reserved));
    }

    [Fact]
    public void StaticFileFolders_AreReservedSlugs()
    {
        var wwwroot = Path.Combine(FindRepositoryRoot(), "src", "Portal.Web", "wwwroot");
        var entries = Directory.EnumerateFileSystemEntries(wwwroot).Select(Path.GetFileName).ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, name => Assert.Contains(name!, SectionSlug.Reserved));
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test output");
    }
}
