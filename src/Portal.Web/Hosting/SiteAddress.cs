using Microsoft.Extensions.Options;
using Portal.Core.Site;

namespace Portal.Web.Hosting;

/// <summary>
/// Absolute addresses of this site, for everything read away from the page it is on: feeds, the
/// sitemap, robots.txt, canonical and Open Graph links, the SiteDomain tag, the 找错 entry. They
/// are built on <see cref="SiteOptions.BaseUrl"/> when it is set, else on the request's scheme
/// and host. The Host header is the client's to choose, so production sets BaseUrl: then no
/// request can make the site hand out links to somewhere else.
/// </summary>
public sealed class SiteAddress(IOptions<SiteOptions> options)
{
    /// <summary>The scheme, host and port (or the configured base address), without a trailing slash.</summary>
    public string Origin(HttpRequest request)
    {
        var baseUrl = options.Value.BaseUrl;
        return string.IsNullOrEmpty(baseUrl) ? $"{request.Scheme}://{request.Host.ToUriComponent()}" : baseUrl.TrimEnd('/');
    }

    /// <summary>The absolute URL of a site-relative <paramref name="path"/> (which may carry a query).</summary>
    public string Absolute(HttpRequest request, string path) => Origin(request) + request.PathBase.ToUriComponent() + path;

    /// <summary>The site's host name without the port (the SiteDomain tag).</summary>
    public string Domain(HttpRequest request)
    {
        var baseUrl = options.Value.BaseUrl;
        return string.IsNullOrEmpty(baseUrl) ? request.Host.Host : new Uri(baseUrl).Host;
    }
}
