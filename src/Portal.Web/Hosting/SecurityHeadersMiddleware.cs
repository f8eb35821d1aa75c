namespace Portal.Web.Hosting;

/// <summary>
/// Response headers that close common holes: no MIME sniffing, no framing by other sites, a
/// strict content security policy (the portal serves all its scripts and styles itself, and no
/// inline script), and no full referrer leaking to other sites.
/// </summary>
public static class SecurityHeadersMiddleware
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "SAMEORIGIN";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                // A page may ask for a stricter policy of its own (a 预览链接 sends none at all).
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                return Task.CompletedTask;
            });
            await next(context);
        });
}
