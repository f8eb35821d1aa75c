using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Portal.Core.Site;

namespace Portal.Web.Hosting;

/// <summary>
/// Absolute addresses of this site, for everything read away from the page it is on: feeds, the
/// sitemap, robots.txt, canonical and Open Graph links, the SiteDomain tag, the 找错 entry. They
/// come from configuration only, never from the request: <see cref="SiteOptions.BaseUrl"/>, or
/// while it is not set (development; in production a start-up warning and a dashboard finding),
/// the first address the server listens on (<c>Urls</c>, e.g. <c>http://localhost:5000</c>).
/// The Host header is the client's to choose, so a request cannot make the site hand out links
/// to somewhere else.
/// </summary>
public sealed class SiteAddress(IOptions<SiteOptions> options, IServer server)
{
    /// <summary>The origin when nothing better is known (TestServer, which has no addresses).</summary>
    private const string LastResort = "http://localhost";

    /// <summary>The scheme, host and port of the site (the configured base address, else the server's), without a trailing slash.</summary>
    public string Origin
    {
        get
        {
            var baseUrl = options.Value.BaseUrl;
            return string.IsNullOrEmpty(baseUrl) ? ListeningOrigin() : baseUrl.TrimEnd('/');
        }
    }

    /// <summary>The absolute URL of a site-relative <paramref name="path"/> (which may carry a query).</summary>
    public string Absolute(HttpRequest request, string path) => Origin + request.PathBase.ToUriComponent() + path;

    /// <summary>The site's host name without the port (the SiteDomain tag).</summary>
    public string Domain => new Uri(Origin).Host;

    /// <summary>
    /// The first address the server listens on, with a wildcard host (<c>http://+:80</c>,
    /// <c>http://0.0.0.0:80</c>, <c>http://[::]:80</c>) read as <c>localhost</c>.
    /// </summary>
    private string ListeningOrigin()
    {
        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (first is null)
        {
            return LastResort;
        }

        var wildcard = first.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : LastResort;
    }
}
