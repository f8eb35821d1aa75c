using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// The per-address rate limits (section <c>RateLimits</c>): past the limit a client gets 429 with
/// <c>Retry-After</c> and a Chinese page, and every anonymous form has a limit.
/// </summary>
public sealed class RateLimitTests
{
    private const int Permits = 3;

    [Fact]
    public async Task Search_PastThePerAddressLimit_Answers429WithRetryAfterAndChinesePage()
    {
        using var factory = PortalFactory.Empty(new Dictionary<string, string?>
        {
            ["RateLimits:SearchPerIpPermits"] = Permits.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:SearchPerIpWindowSeconds"] = "600",
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < Permits; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=民族")).StatusCode);
        }

        var (refused, document) = await factory.GetDocumentAsync("/search?q=民族", client);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        Assert.Equal("请求过于频繁", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("请稍后再试", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("nosniff", refused.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEmpty(refused.Headers.GetValues("Content-Security-Policy"));

        // Only searching is limited: the rest of the site still answers.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/contact")).StatusCode);
    }

    [Fact]
    public async Task Login_PastThePerAddressLimit_Answers429WithRetryAfter()
    {
        using var factory = PortalFactory.Empty(new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerIpPermits"] = Permits.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:SignInPerIpWindowSeconds"] = "600",
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        for (var i = 0; i < Permits; i++)
        {
            var wrong = await StaffAccounts.PostLoginAsync(client, "nobody" + i, "Wrong-Passw0rd-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var refused = await StaffAccounts.PostLoginAsync(client, "nobody", "Wrong-Passw0rd-1");
        var document = await PortalFactory.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal("请求过于频繁", document.QuerySelector("h1")!.TextContent.Trim());

        // Showing the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/account/login")).StatusCode);
    }

    [Fact]
    public void EveryAnonymousPostAction_HasARateLimitPolicy()
    {
        using var factory = PortalFactory.Empty();
        var posts = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is { ControllerName: not "Error" })
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") ?? true)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null || e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .ToList();

        Assert.Contains(posts, e => e.RoutePattern.RawText!.Contains("account", StringComparison.OrdinalIgnoreCase));
        Assert.All(posts, e => Assert.True(
            e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is not null,
            $"{e.DisplayName} takes anonymous posts without a rate limit"));
    }

    [Fact]
    public void RateLimitSetting_OutOfRange_StopsStartUpNamingIt()
    {
        using var factory = PortalFactory.Empty(new Dictionary<string, string?> { ["RateLimits:SearchPerIpPermits"] = "0" });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

        Assert.Contains("SearchPerIpPermits", error.Message, StringComparison.Ordinal);
    }
}
