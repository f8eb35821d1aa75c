namespace Portal.Web.Hosting;

/// <summary>
/// The names of the rate-limit policies (<see cref="RateLimitingExtensions"/>), for
/// <c>[EnableRateLimiting(RateLimitPolicies.…)]</c> on the actions they guard. Each counts per
/// client IP address in fixed windows set in <see cref="RateLimitOptions"/>.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Every anonymous sign-in POST (the login form, and any later sign-in step).</summary>
    public const string SignIn = "sign-in";

    /// <summary>站内搜索, the most expensive page a reader can ask for.</summary>
    public const string Search = "search";

    /// <summary>Every other anonymous POST form (the public message channel, when it comes).</summary>
    public const string PublicForms = "public-forms";

    /// <summary>预览链接 (<c>/preview/{token}</c> and its images): tokens cannot be tried cheaply.</summary>
    public const string Preview = "preview";
}
