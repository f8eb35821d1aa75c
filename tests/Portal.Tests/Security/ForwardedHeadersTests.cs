using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Behind a TLS proxy (section <c>Proxy</c>): X-Forwarded-For and X-Forwarded-Proto are believed
/// only from a configured proxy, on a real loopback server (TestServer has no client address).
/// Believed, they give the audit log the client's address, and HTTPS its HSTS and Secure cookies.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string PublicHost = "www.example.gov.cn";

    [Theory]
    [InlineData("Proxy:KnownProxies", "127.0.0.1")]
    [InlineData("Proxy:KnownNetworks", "127.0.0.0/8")]
    public async Task FromKnownProxy_ForwardedHttps_SendsHstsAndSecureCookies(string key, string value)
    {
        using var factory = Production(new() { [key] = value });
        using var client = Client(factory.StartLoopbackServer(), cookies: false);

        var login = await SendAsync(client, "/admin/account/login", ("X-Forwarded-Proto", "https"));
        var fontSize = await SendAsync(client, "/font-size/large?returnUrl=%2F", ("X-Forwarded-Proto", "https"));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("max-age=", login.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("; secure", fontSize.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")] // ASPNETCORE_FORWARDEDHEADERS_ENABLED, the framework's own switch, which believes everyone
    public async Task WithoutProxySetting_ForwardedProtoIsIgnored(string? frameworkSwitch)
    {
        using var factory = Production(new() { ["ForwardedHeaders_Enabled"] = frameworkSwitch });
        using var client = Client(factory.StartLoopbackServer(), cookies: false);

        var login = await SendAsync(client, "/admin/account/login", ("X-Forwarded-Proto", "https"));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(null, "127.0.0.1")]
    [InlineData("10.9.8.7", "127.0.0.1")]
    [InlineData("127.0.0.1", "203.0.113.7")]
    public async Task AuditLog_RecordsTheForwardedAddressOnlyFromAKnownProxy(string? knownProxies, string expected)
    {
        using var factory = Production(new() { ["Proxy:KnownProxies"] = knownProxies });
        using var client = Client(factory.StartLoopbackServer(), cookies: true);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        await StaffAccounts.PostLoginAsync(client, "somebody", "Wrong-Passw0rd-1");

        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.LoginFailed));
        Assert.Equal(expected, entry.IpAddress);
    }

    [Fact]
    public async Task RealServer_SendsNoServerHeader()
    {
        using var factory = Production([]);
        using var client = Client(factory.StartLoopbackServer(), cookies: false);

        var home = await client.GetAsync("/");
        var missing = await client.GetAsync("/no-such-page");

        Assert.False(home.Headers.Contains("Server"), string.Join(",", home.Headers.Server));
        Assert.False(missing.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("Proxy:KnownProxies", "10.0.0.300")]
    [InlineData("Proxy:KnownNetworks", "10.0.0.0/99")]
    public void BadProxySetting_StopsStartUpNamingTheKey(string key, string value)
    {
        using var factory = Production(new() { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    private static ProductionPortalFactory Production(Dictionary<string, string?> settings)
    {
        settings["Import:SeedOnStartup"] = "false";
        return new ProductionPortalFactory(settings);
    }

    private static HttpClient Client(Uri address, bool cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies }, disposeHandler: true) { BaseAddress = address };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = PublicHost;
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }
}
