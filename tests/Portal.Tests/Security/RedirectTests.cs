using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>A redirect to an address with characters a header cannot carry is encoded, not a 500 (Kestrel refuses non-ASCII headers; TestServer does not).</summary>
public sealed class RedirectTests
{
    [Theory]
    [InlineData("/articles/5b08752f639c¿", "/articles/5b08752f639c%C2%BF")]
    [InlineData("/search?q=民族 团结", "/search?q=%E6%B0%91%E6%97%8F%20%E5%9B%A2%E7%BB%93")]
    [InlineData("/articles/a%20b", "/articles/a%20b")]
    public async Task FontSizeLink_WithNonAsciiReturnUrl_RedirectsThereEncoded(string returnUrl, string location)
    {
        using var factory = PortalFactory.Empty();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = factory.StartLoopbackServer() };

        var response = await client.GetAsync("/font-size/large?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }
}
