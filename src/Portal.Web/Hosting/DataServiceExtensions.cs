using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Import;
using Portal.Core.Site;

namespace Portal.Web.Hosting;

/// <summary>Registration of the store, the domain services and the importer.</summary>
public static class DataServiceExtensions
{
    /// <summary>The tag of the health checks that /health/ready runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers <see cref="PortalDbContext"/> (pooled) on the configured provider, with each
    /// provider's own migrations assembly, plus the options the data layer reads.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .PostConfigure<IHostEnvironment>((o, env) => o.DataPath = StorageOptions.Resolve(o.DataPath, env.ContentRootPath));

        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration, IOptions<StorageOptions>>((o, config, storage) =>
            {
                o.ConnectionString = config.GetConnectionString("Portal") ?? "";
                if (o.ConnectionString.Length == 0 && string.Equals(o.Provider, nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
                {
                    o.ConnectionString = $"Data Source={Path.Combine(storage.Value.DataPath, "portal.db")}";
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        services.AddDbContextPool<PortalDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            switch (database.ProviderKind)
            {
                case DatabaseProvider.Sqlite:
                    options.UseSqlite(database.ConnectionString, x => x.MigrationsAssembly("Portal.Migrations.Sqlite"))
                        .AddInterceptors(SqliteBusyTimeout.Instance);
                    break;
                case DatabaseProvider.SqlServer:
                    options.UseSqlServer(database.ConnectionString, x => x.MigrationsAssembly("Portal.Migrations.SqlServer"));
                    break;
                case DatabaseProvider.PostgreSql:
                    options.UseNpgsql(database.ConnectionString, x => x.MigrationsAssembly("Portal.Migrations.PostgreSql"));
                    break;
            }
        });

        services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Site:TimeZone must be an IANA time zone such as Asia/Shanghai.")
            .ValidateOnStart();
        services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // /health/live: the process answers; /health/ready: the database answers too, and takes
        // writes (a read-only or standby store cannot save an article). For load balancers and
        // monitoring, which take a server out of rotation while it is not ready.
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: [ReadyTag])
            .AddCheck<StoreWritableHealthCheck>("database-writable", tags: [ReadyTag]);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteClock>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ArticleRevisionWriter>();
        services.AddScoped<SiteImporter>();
        services.AddOptions<Portal.Core.Inspection.InspectionOptions>()
            .BindConfiguration(Portal.Core.Inspection.InspectionOptions.SectionName)
            .Validate(o => new[] { o.HomeStaleDays, o.NewsStaleDays, o.NoticeStaleDays, o.StaleNewsSectionsVeto, o.StaleSectionsVeto, o.EmptySectionsVeto }.All(v => v is > 0 and <= 3650),
                "Inspection thresholds must be whole numbers from 1 to 3650.")
            .Validate(o => o.IntervalHours is > 0 and <= 8760, "Inspection:IntervalHours must be from 1 to 8760.")
            .Validate(o => o.ChangeDelaySeconds is >= 0 and <= 86400, "Inspection:ChangeDelaySeconds must be from 0 to 86400.")
            .Validate(o => o.PollMilliseconds is >= 50 and <= 3_600_000, "Inspection:PollMilliseconds must be from 50 to 3600000.")
            .Validate(o => o.KeepRuns is > 0 and <= 1000, "Inspection:KeepRuns must be from 1 to 1000.")
            .Validate(o => o.LinkTimeoutSeconds is > 0 and <= 120, "Inspection:LinkTimeoutSeconds must be from 1 to 120.")
            .Validate(o => o.LinkCacheHours is > 0 and <= 720, "Inspection:LinkCacheHours must be from 1 to 720.")
            .PostConfigure<IHostEnvironment>((o, env) => o.CheckExternalLinks ??= env.IsProduction())
            .ValidateOnStart();
        services.AddScoped<Portal.Core.Inspection.SiteInspector>();
        services.AddScoped<Portal.Core.Demo.DemoSeeder>();
        services.AddScoped<StoreInitializer>();
        services.AddScoped<Portal.Core.Backup.BackupService>();
        return services;
    }
}
