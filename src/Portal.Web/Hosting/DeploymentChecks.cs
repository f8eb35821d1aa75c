using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Portal.Core.Site;

namespace Portal.Web.Hosting;

/// <summary>
/// The settings a production server should not run with, reported at start-up (a warning in the
/// log) and on the administrators' dashboard: no <c>Site:BaseUrl</c> (absolute links then name
/// the server's own address), and <c>AllowedHosts</c> = <c>*</c> (any host name is answered).
/// Development and test servers have none.
/// </summary>
public sealed class DeploymentChecks(IOptions<SiteOptions> site, IOptions<HostFilteringOptions> hosts, IHostEnvironment environment)
{
    public IReadOnlyList<DeploymentFinding> Findings()
    {
        if (!environment.IsProduction())
        {
            return [];
        }

        var findings = new List<DeploymentFinding>();
        if (string.IsNullOrWhiteSpace(site.Value.BaseUrl))
        {
            findings.Add(new(
                "Site:BaseUrl",
                "Site:BaseUrl is not set: feeds, the sitemap, canonical links and the 找错 entry name the server's own address instead of the site's. Set it to the public address, e.g. https://www.example.gov.cn.",
                "尚未设置网站地址（Site:BaseUrl）：订阅、网站地图、规范链接和“我为政府网站找错”入口中的网址只能使用服务器自身的地址。请设置为网站的正式地址，例如 https://www.example.gov.cn。"));
        }

        if (hosts.Value.AllowedHosts.Count == 0 || hosts.Value.AllowedHosts.Contains("*"))
        {
            findings.Add(new(
                "AllowedHosts",
                "AllowedHosts is '*': requests for any host name are answered. Set it to the site's host names, e.g. www.example.gov.cn.",
                "允许的主机名（AllowedHosts）为“*”：任何域名指向本服务器都会得到应答。请设置为网站的正式域名，例如 www.example.gov.cn。"));
        }

        return findings;
    }
}
