using Microsoft.Extensions.Options;
using Portal.Core.Home;
using Portal.Core.Media;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Web.Hosting;

/// <summary>Registration of the site administration: sections, footer links, site settings and media.</summary>
public static class SiteAdminServiceExtensions
{
    public static IServiceCollection AddPortalSiteAdmin(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Uploaded images live in the data folder (absolute after StorageOptions' PostConfigure),
        // outside wwwroot, so the static-file handler never serves them unchecked.
        services.AddSingleton(sp => new MediaFolder(Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath, "media")));

        services.AddScoped<SectionAdminService>();
        services.AddScoped<SectionRedirectLookup>();
        services.AddScoped<FooterLinkService>();
        services.AddScoped<HomeLayoutService>();
        services.AddScoped<SiteSettingsService>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaAltText>();
        services.AddScoped<MediaQueries>();
        services.AddScoped<BodyMediaRules>();
        return services;
    }
}
