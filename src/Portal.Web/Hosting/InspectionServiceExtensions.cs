using Microsoft.Extensions.Options;
using Portal.Core.Inspection;

namespace Portal.Web.Hosting;

/// <summary>Registration of 网站检查: the rules' runner and store, the external link checker, and the background runs.</summary>
public static class InspectionServiceExtensions
{
    public static IServiceCollection AddPortalInspection(this IServiceCollection services)
    {
        // The options themselves (thresholds, intervals) are bound and validated with the data services.
        services.AddSingleton<InspectionGate>();
        services.AddScoped<BrokenLinkRule>();
        services.AddScoped<InspectionRecorder>();
        services.AddScoped<InspectionQueries>();

        // Redirects are followed by the checker itself (to count them and break loops), and the
        // time limit is its own per request: the client's are switched off.
        services.AddHttpClient<LinkChecker>(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                // Named, so that the operators of the sites linked to can tell it in their logs.
                client.DefaultRequestHeaders.UserAgent.ParseAdd("PortalLinkChecker/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(services =>
            {
                var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
                // Public addresses only, checked after name resolution (docs/inspection.md).
                if (!services.GetRequiredService<IOptions<InspectionOptions>>().Value.CheckInternalAddresses)
                {
                    handler.ConnectCallback = PublicAddresses.ConnectAsync;
                }

                return handler;
            });
        services.AddHostedService<InspectionService>();
        return services;
    }
}
