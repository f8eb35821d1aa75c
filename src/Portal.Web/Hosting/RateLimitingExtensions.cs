using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Web.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter with the portal's named policies (<see cref="RateLimitPolicies"/>),
/// each a fixed window per client IP address as <see cref="RateLimitOptions"/> sets it. A refused
/// request gets 429 and <c>Retry-After</c> in seconds; its page is the error page's, rendered by
/// status-code re-execution (请求过于频繁).
/// </summary>
public static class RateLimitingExtensions
{
    /// <summary>The partition of requests without a client address (TestServer; a Unix socket): they share one window.</summary>
    private const string NoAddress = "no-address";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, settings) =>
        {
            var limits = settings.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                // The lease knows when its window opens again; the body is left empty, so the
                // status-code pages render the Chinese error page for it.
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            AddPerAddress(limiter, RateLimitPolicies.SignIn, limits.SignInPerIpPermits, limits.SignInPerIpWindowSeconds);
            AddPerAddress(limiter, RateLimitPolicies.Search, limits.SearchPerIpPermits, limits.SearchPerIpWindowSeconds);
            AddPerAddress(limiter, RateLimitPolicies.PublicForms, limits.FormsPerIpPermits, limits.FormsPerIpWindowSeconds);
            AddPerAddress(limiter, RateLimitPolicies.Preview, limits.PreviewPerIpPermits, limits.PreviewPerIpWindowSeconds);
        });
        return services;
    }

    /// <summary>
    /// The rate limiter, after routing (the policies are endpoint metadata). The client address it
    /// partitions by is the proxy's forwarded one where <c>Proxy:*</c> trusts it.
    /// </summary>
    public static IApplicationBuilder UsePortalRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    private static void AddPerAddress(RateLimiterOptions limiter, string policy, int permits, int windowSeconds) =>
        limiter.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(
            PartitionKey(context.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromSeconds(windowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    /// <summary>
    /// The window a client counts in: its IPv4 address (also when it arrives IPv4-mapped), or the
    /// /64 network of an IPv6 address, since one subscriber line is given a whole /64 and could
    /// otherwise take a fresh address for every request.
    /// </summary>
    internal static string PartitionKey(IPAddress? address)
    {
        if (address is null)
        {
            return NoAddress;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
