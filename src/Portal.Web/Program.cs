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
builder.Services.AddPortalRateLimits();
builder.Services.AddPortalEditorial();
builder.Services.AddPortalSiteAdmin();
builder.Services.AddPortalSearch();
if (invocation.Verb is not null)
{
    builder.Services.AddCommandLineActor();
}

var app = builder.Build();

if (invocation.Verb is not null)
{
    return await CommandRunner.RunAsync(app, invocation);
}

// Check every setting now, before the store is touched, not when the server starts.
app.ValidatePortalOptions();

await app.InitializeStoreAsync();

// The order of the pipeline is part of its security: keep it here, in one place.
// Request logging first, so each request is logged once, with the status the reader finally got.
app.UseSerilogRequestLogging();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();

// Rate limits (endpoint policies, per client address) right after routing, before any work is
// done for a refused request.
app.UsePortalRateLimits();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DataServiceExtensions.ReadyTag) });
app.MapControllers();

await app.RunAsync();
return 0;
