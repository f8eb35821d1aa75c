namespace Portal.Web.Hosting;

/// <summary>
/// Response headers that close common holes: no MIME sniffing, no framing by other sites, a
/// strict content security policy (the portal serves all its scripts and styles itself, and no
/// inline script), and no full referrer leaking to other sites.
/// </summary>
public static class SecurityHeadersMiddleware
{
    /// <summary>The policy of every response but the editor pages.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>
    /// The policy of an endpoint marked <see cref="AllowInlineStyleAttributesAttribute"/>: the
    /// same, plus inline style attributes (CSP Level 3 <c>style-src-attr</c>), which the visual
    /// editor sets on its own elements. Style elements stay <c>'self'</c> (<c>style-src-elem</c>);
    /// a browser without Level 3 falls back to <c>style-src 'self'</c>, which only makes the
    /// editor look worse.
    /// </summary>
    public const string EditorContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; style-src-elem 'self'; style-src-attr 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "SAMEORIGIN";
                // The endpoint is known by now (routing ran before the response started). Only
                // the editor page itself gets the exception: a redirect (to sign in, after a save)
                // has nothing to style, and an error page re-executed for it is another endpoint.
                var editor = context.Response.StatusCode < 300
                    && context.GetEndpoint()?.Metadata.GetMetadata<AllowInlineStyleAttributesAttribute>() is not null;
                headers.ContentSecurityPolicy = editor ? EditorContentSecurityPolicy : ContentSecurityPolicy;
                // A page may ask for a stricter policy of its own (a 预览链接 sends none at all).
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                return Task.CompletedTask;
            });
            await next(context);
        });
}
