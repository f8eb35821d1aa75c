using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hosting;

/// <summary>/health/live and /health/ready for load balancers and monitoring.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_DatabaseUp_LiveAndReadyAnswerHealthy()
    {
        using var factory = PortalFactory.Empty();
        using var client = factory.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    [Trait("Store", TestDatabase.SqliteOnly)]
    public async Task Health_DatabaseUnreachable_LiveStillHealthyReadyUnavailable()
    {
        var settings = TestDatabase.UnreachableSqliteSettings();
        settings["Publishing:Enabled"] = "false";
        using var factory = PortalFactory.Empty(settings);
        using var client = factory.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}
