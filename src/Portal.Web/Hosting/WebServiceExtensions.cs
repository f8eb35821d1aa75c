using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.WebEncoders;
using Portal.Core.Articles;
using Portal.Core.Home;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Web.Hosting;

/// <summary>Registration of MVC and the services behind the public pages.</summary>
public static class WebServiceExtensions
{
    public static IServiceCollection AddPortalWeb(this IServiceCollection services)
    {
        services.AddControllersWithViews(options =>
        {
            // Every unsafe request (POST, PUT, DELETE…) must carry an antiforgery token; safe ones need
            // none. A form past a limit is 413 first, before antiforgery could call it a 400.
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.Filters.Add<FormLimitsFilter>(FormLimitsFilter.Order);

            // Whatever cannot be bound (a word in a number field, a date that is not one) is
            // explained in Chinese beside its field.
            ChineseModelBindingMessages.Apply(options.ModelBindingMessageProvider);

            // Validation attributes without a message of their own, and the implicit "required" of
            // a non-nullable value (rendered into data-val-required too), in Chinese as well.
            options.ModelMetadataDetailsProviders.Add(new ChineseValidationMessages());
            options.Filters.Add(new ChineseModelErrorsFilter());
        });
        services.AddRouting(options => options.LowercaseUrls = true);

        // Chinese text is written as characters, not as &#x…; entities: pages stay readable in
        // view-source and a third smaller. Markup-significant characters are still escaped.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Antiforgery tokens (and later the login cookie) must survive restarts: keep the keys in
        // the data folder, not in memory. Several servers must share them (a shared data folder
        // today; Redis or the database when the portal runs behind a load balancer).
        services.AddDataProtection().SetApplicationName("Portal");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>>((options, storage) =>
                options.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(storage.Value.DataPath, "keys")), NullLoggerFactory.Instance));
        services.AddScoped<SiteContext>();
        services.AddScoped<SectionLocator>();
        services.AddScoped<ArticleQueries>();
        services.AddScoped<HomePageBuilder>();
        services.AddSingleton<SiteAddress>();
        return services;
    }

    /// <summary>
    /// Validates every options class registered with <c>ValidateOnStart</c> now, so a bad setting
    /// stops the program with a message naming the key before anything else happens.
    /// </summary>
    public static void ValidatePortalOptions(this WebApplication app) =>
        app.Services.GetRequiredService<IStartupValidator>().Validate();

    /// <summary>Prepares the store (migrations, seed) before the first request is served.</summary>
    public static async Task InitializeStoreAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<StoreInitializer>();
        await initializer.MigrateIfConfiguredAsync();
        await initializer.SeedIfEmptyAsync();
    }
}
