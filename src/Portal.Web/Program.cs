using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Portal.Web.Commands;
using Portal.Web.Hosting;
using Serilog;

// The same program serves the portal or, given a verb (import, migrate), runs it and exits.
var invocation = Invocation.Parse(args);
var builder = WebApplication.CreateBuilder(invocation.HostArgs);
if (invocation.Verb is not null)
{
    builder.Configuration.AddInMemoryCollection(CommandRunner.QuietLogging);
}

builder.AddPortalLogging();
builder.Services.AddPortalData();
builder.Services.AddPortalSecurity();
builder.Services.AddPortalWeb();
builder.Services.AddPortalHttp();
builder.Services.AddPortalRateLimits();
builder.Services.AddPortalEditorial();
builder.Services.AddPortalSiteAdmin();
builder.Services.AddPortalSearch();
builder.Services.AddPortalInspection();
if (invocation.Verb is not null)
{
    builder.Services.AddCommandLineActor();
}

var app = builder.Build();

if (invocation.Verb is not null)
{
    return await CommandRunner.RunAsync(app, invocation);
}

// Check every setting now, before the store is touched, not when the server starts; then say
// what a production server should not run with (no Site:BaseUrl, AllowedHosts = *).
app.ValidatePortalOptions();
app.WarnAboutDeployment();

await app.InitializeStoreAsync();

// The order of the pipeline is part of its security: keep it here, in one place. (Host filtering,
// AllowedHosts, runs before all of it: the web host puts it first.)
// 1. Forwarded headers first, so that everything after sees the client's address and scheme as the
//    configured proxy reports them: request logs, HSTS, Secure cookies, rate limits, the audit log.
app.UsePortalForwardedHeaders();

// 2. Request logging, so each request is logged once, with the status the reader finally got.
app.UseSerilogRequestLogging();

// 3. Errors: the friendly page for an exception (production) and for every 4xx/5xx without a body
//    (404, 403, 413 past a form limit, 429 past a rate limit); the pages are rendered by running
//    the rest of the pipeline again, so what follows applies to them too.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");

// 4. What every answer carries or must not carry, set before anything writes a response: security
//    headers, no redirect to the client's own Host header, Secure cookies over HTTPS.
app.UseSecurityHeaders();
app.UseRelativeRedirects();
app.UseCookiePolicy();

// 5. Static files need nothing of what follows.
app.UseStaticFiles();

// 6. Routing, then the rate limits (endpoint policies, per client address) before any work is done
//    for a refused request, then who the user is and what they may do.
app.UseRouting();
app.UsePortalRateLimits();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DataServiceExtensions.ReadyTag) });
app.MapControllers();

await app.RunAsync();
return 0;
