using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Preview;
using Portal.Core.Writing;

namespace Portal.Web.Hosting;

/// <summary>Registration of the editorial workflow: its services and the scheduled publisher.</summary>
public static class EditorialServiceExtensions
{
    public static IServiceCollection AddPortalEditorial(this IServiceCollection services)
    {
        services.AddOptions<PublishingOptions>()
            .BindConfiguration(PublishingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PreviewOptions>()
            .BindConfiguration(PreviewOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<EditorialContext>();
        services.AddScoped<ArticleFieldRules>();
        services.AddScoped<ArticleCommandRunner>();
        services.AddScoped<ArticlePublishing>();
        services.AddScoped<EditorialService>();
        services.AddScoped<ArticleFeatures>();
        services.AddScoped<PreviewLinkService>();
        services.AddScoped<EditorialQueries>();
        services.AddScoped<ArticleBin>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<ArticleBulkService>();
        services.AddScoped<ScheduledPublisher>();
        services.AddOptions<WritingOptions>()
            .BindConfiguration(WritingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<WordImportService>();
        services.AddHostedService<ScheduledPublishingService>();
        return services;
    }
}

/// <summary>
/// Runs <see cref="ScheduledPublisher.PublishDueAsync"/> at start-up (catching up on anything that
/// fell due while the portal was down) and then every <see cref="PublishingOptions.PollSeconds"/>.
/// It holds no state of its own: what is due is read from the database each time.
/// </summary>
internal sealed class ScheduledPublishingService(
    IServiceScopeFactory scopes,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScheduledPublisher>().PublishDueAsync(stoppingToken);
            }
#pragma warning disable CA1031 // A failed pass (database briefly away) must not stop the scheduler; the next pass retries.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Scheduled publishing failed; retrying in {PollSeconds} s", options.Value.PollSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
