using Microsoft.AspNetCore.Hosting;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The portal as it runs in production (<c>UseEnvironment("Production")</c>): the friendly error
/// pages instead of the developer exception page.
/// </summary>
public sealed class ProductionPortalFactory(IDictionary<string, string?>? settings = null) : PortalFactory(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
