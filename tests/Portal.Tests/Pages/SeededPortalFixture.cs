using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>One portal seeded from <c>seeds/</c> on start-up, shared by the read-only page tests.</summary>
public sealed class SeededPortalFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; } = new();

    /// <summary>The address of the Turpan article, as the home page links it.</summary>
    public string ArticleUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (_, home) = await Factory.GetDocumentAsync("/");
        ArticleUrl = home.QuerySelectorAll("a[href^='/articles/']").Select(a => a.GetAttribute("href")!).Distinct().Single();
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
