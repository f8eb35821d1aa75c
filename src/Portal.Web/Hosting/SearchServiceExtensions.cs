using Microsoft.Extensions.Options;
using Portal.Core.Search;

namespace Portal.Web.Hosting;

/// <summary>Registration of 站内搜索: this server's index, the indexer that follows the change log, and the search service.</summary>
public static class SearchServiceExtensions
{
    public static IServiceCollection AddPortalSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var dataPath = sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath;
            var path = Path.GetFullPath(sp.GetRequiredService<IOptions<SearchOptions>>().Value.IndexPath, dataPath);
            return new SearchIndex(path, sp.GetRequiredService<ILogger<SearchIndex>>());
        });
        services.AddSingleton<SearchIndexer>();
        services.AddScoped<SearchService>();
        services.AddHostedService<SearchIndexingService>();
        return services;
    }
}
