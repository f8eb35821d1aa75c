using System.Net;
using Portal.Tests.Pages;

namespace Portal.Tests.Security;

/// <summary>
/// The Host header is the client's to choose: no absolute address the portal hands out is built
/// from it, even when <c>Site:BaseUrl</c> is not set (then they are built on the address the
/// server listens on), and redirects are relative.
/// </summary>
public sealed class HostHeaderTests(SeededPortalFixture portal) : IClassFixture<SeededPortalFixture>
{
    private const string HostileHost = "evil.example";

    [Theory]
    [InlineData("/")]
    [InlineData("{article}")]
    [InlineData("/contact")]
    [InlineData("/xinwen/no-such-page?from=link")]
    [InlineData("/admin")]
    [InlineData("/admin/articles?status=Draft")]
    [InlineData("/admin/account/login")]
    [InlineData("/rss.xml")]
    [InlineData("/xinwen/rss.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/search?q=吐鲁番")]
    [InlineData("/font-size/large?returnUrl=%2Fcontact")]
    public async Task Response_WithHostileHostHeader_NeverEchoesIt(string url)
    {
        using var client = portal.Factory.CreateClientWithHost(HostileHost);

        var response = await client.GetAsync(url.Replace("{article}", portal.ArticleUrl, StringComparison.Ordinal));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
        var headers = response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value.Select(v => $"{h.Key}: {v}")).ToList();
        Assert.DoesNotContain(headers, h => h.Contains(HostileHost, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(HostileHost, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LoginRedirect_IsRelative()
    {
        using var client = portal.Factory.CreateClientWithHost(HostileHost);

        var response = await client.GetAsync("/admin/articles");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Location!.IsAbsoluteUri, response.Headers.Location.OriginalString);
        Assert.Equal("/admin/account/login?returnUrl=%2Fadmin%2Farticles", response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task Pages_WithoutBaseUrl_UseTheServersOwnAddressNotTheHostHeader()
    {
        using var client = portal.Factory.CreateClientWithHost(HostileHost);

        var (_, document) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl, client);

        // TestServer listens at http://localhost.
        Assert.Equal("http://localhost" + portal.ArticleUrl, document.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Equal("localhost", document.QuerySelectorAll("meta[name]").Single(m => m.GetAttribute("name") == "SiteDomain").GetAttribute("content"));
    }
}
