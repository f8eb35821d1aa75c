using Serilog;

namespace Portal.Web.Hosting;

/// <summary>Serilog set-up: sinks and levels come from the <c>Serilog</c> section of appsettings.json.</summary>
public static class LoggingExtensions
{
    /// <summary>The placeholder a sink's <c>path</c> may use for the data folder (<c>Storage:DataPath</c>).</summary>
    public const string DataPathToken = "{DataPath}";

    /// <summary>
    /// Replaces the default logging with Serilog read from configuration. A file sink's path may
    /// start with <see cref="DataPathToken"/>, so logs follow the data folder wherever it is configured.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var dataPath = StorageOptions.Resolve(builder.Configuration[$"{StorageOptions.SectionName}:DataPath"], builder.Environment.ContentRootPath);
        var overrides = new Dictionary<string, string?>();
        foreach (var sink in builder.Configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            var path = sink["Args:path"];
            if (path is not null && path.Contains(DataPathToken, StringComparison.Ordinal))
            {
                overrides[$"{sink.Path}:Args:path"] = path.Replace(DataPathToken, dataPath, StringComparison.Ordinal);
            }
        }

        builder.Configuration.AddInMemoryCollection(overrides);

        // The (sp, lc) overload builds one logger per host rather than a static one, so many test
        // hosts can live side by side.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services));
        return builder;
    }
}
