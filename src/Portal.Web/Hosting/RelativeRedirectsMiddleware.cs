namespace Portal.Web.Hosting;

/// <summary>
/// Makes a redirect to this very request's own scheme and host relative (<c>/admin/account/login?…</c>).
/// The framework builds some redirects absolute from the request's <c>Host</c> header (the login
/// cookie's redirect to the login page is one), which a client chooses: an absolute
/// <c>Location: http://evil.example/…</c> would echo it. A relative one means the same to a browser.
/// Redirects elsewhere (to <c>Site:BaseUrl</c>, to HTTPS) are left as they are.
/// </summary>
public static class RelativeRedirectsMiddleware
{
    public static IApplicationBuilder UseRelativeRedirects(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var location = context.Response.Headers.Location.ToString();
                if (location.Length > 0
                    && Uri.TryCreate(location, UriKind.Absolute, out var target)
                    && Uri.TryCreate($"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}/", UriKind.Absolute, out var self)
                    && Uri.Compare(target, self, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    context.Response.Headers.Location = target.PathAndQuery + target.Fragment;
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}
