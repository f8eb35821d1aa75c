using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Web.Hosting;

namespace Portal.Web.Accounts;

/// <summary>
/// Sign-in attempts per user name, from any address (<see cref="RateLimitOptions.SignInPerAccountPermits"/>
/// per window), with the framework's partitioned rate limiter. It applies to every name alike,
/// known or not, so it tells an attacker nothing; the per-address limit is the endpoint's policy.
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInLimiter(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.SignInPerAccountPermits,
            Window = TimeSpan.FromSeconds(settings.SignInPerAccountWindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes one attempt for <paramref name="key"/>; false (with when to retry) when its permits are used up.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(key);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
