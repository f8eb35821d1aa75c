using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Preview;

/// <summary>Tokens cannot be tried cheaply: <c>/preview/…</c> counts per client address like search.</summary>
public sealed class PreviewRateLimitTests
{
    [Fact]
    public async Task Preview_PastThePerAddressLimit_Is429()
    {
        using var factory = PortalFactory.Empty(new Dictionary<string, string?> { ["RateLimits:PreviewPerIpPermits"] = "3" });
        var client = factory.CreateClient();

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await client.GetAsync("/preview/" + new string('A', 43))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], codes);
    }
}
