using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Hosting;

/// <summary>
/// How many requests a client may make in a window (section <c>RateLimits</c>), enforced with
/// ASP.NET Core's built-in rate limiter. A refused request gets 429 with <c>Retry-After</c>.
/// Each limit is a number of permits per fixed window in seconds.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in attempts (POSTs of the login and second-factor forms) from one IP address.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerIpPermits { get; set; } = 20;

    [Range(1, 86_400)]
    public int SignInPerIpWindowSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts for one user name, from anywhere (on top of Identity's lockout).</summary>
    [Range(1, 1_000_000)]
    public int SignInPerAccountPermits { get; set; } = 10;

    [Range(1, 86_400)]
    public int SignInPerAccountWindowSeconds { get; set; } = 300;

    /// <summary>Searches from one IP address.</summary>
    [Range(1, 1_000_000)]
    public int SearchPerIpPermits { get; set; } = 60;

    [Range(1, 86_400)]
    public int SearchPerIpWindowSeconds { get; set; } = 60;

    /// <summary>Posts of any public (anonymous) form from one IP address.</summary>
    [Range(1, 1_000_000)]
    public int FormsPerIpPermits { get; set; } = 10;

    [Range(1, 86_400)]
    public int FormsPerIpWindowSeconds { get; set; } = 60;

    /// <summary>Requests of 预览链接 pages and their images from one IP address.</summary>
    [Range(1, 1_000_000)]
    public int PreviewPerIpPermits { get; set; } = 120;

    [Range(1, 86_400)]
    public int PreviewPerIpWindowSeconds { get; set; } = 60;
}
