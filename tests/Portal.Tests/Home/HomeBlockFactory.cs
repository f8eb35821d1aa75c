using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Home;

/// <summary>
/// An empty portal whose TestServer runs each request on the caller's execution context, so that
/// <see cref="CommandCounter"/> can tell the commands of one request from everything else.
/// </summary>
public sealed class HomeBlockFactory : PortalFactory
{
    public HomeBlockFactory()
        : base(new Dictionary<string, string?> { ["Import:SeedOnStartup"] = "false" })
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true));
    }
}
