using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Portal.Web.Hosting;

/// <summary>
/// What the portal believes of a request and what its answers carry: forwarded headers only from
/// configured proxies (<see cref="ProxyOptions"/>), Secure cookies over HTTPS, no Server header,
/// and the deployment checks (<see cref="DeploymentChecks"/>).
/// </summary>
public static class HttpServiceExtensions
{
    public static IServiceCollection AddPortalHttp(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();

        // The client's address and scheme from the proxy, never its Host: X-Forwarded-Host would
        // let any client behind the proxy choose the host name again (links come from
        // Site:BaseUrl; nginx passes the Host it was asked for, which AllowedHosts checks).
        // Only the nearest hop is read (ForwardLimit 1): the one the proxy itself appended.
        // With no proxy configured nothing is read, even by the framework's own forwarded-headers
        // middleware (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true), which would believe everyone.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = proxy.Value.Enabled
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.ProxyAddresses())
            {
                forwarded.KnownProxies.Add(address);
            }

            foreach (var network in proxy.Value.ProxyNetworks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });

        // Every cookie the portal sets (antiforgery, TempData, 字号, the login) is Secure when the
        // request came over HTTPS, whatever each one's own options say; at least SameSite=Lax.
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.Secure = CookieSecurePolicy.SameAsRequest;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.HttpOnly = HttpOnlyPolicy.None; // the 字号 cookie is written by site.js too
        });

        // No "Server: Kestrel": nothing to tell a scanner which server to try.
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);

        services.AddSingleton<DeploymentChecks>();
        return services;
    }

    /// <summary>
    /// Believes X-Forwarded-For and X-Forwarded-Proto from the configured proxies. With none
    /// configured the middleware is left out altogether: with empty lists it would believe
    /// every client.
    /// </summary>
    public static IApplicationBuilder UsePortalForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled ? app.UseForwardedHeaders() : app;

    /// <summary>Writes a warning for every <see cref="DeploymentChecks"/> finding (production only).</summary>
    public static void WarnAboutDeployment(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILogger<DeploymentChecks>>();
        foreach (var finding in app.Services.GetRequiredService<DeploymentChecks>().Findings())
        {
            logger.LogWarning("Deployment check {Setting}: {Problem}", finding.Setting, finding.LogMessage);
        }
    }
}
