using System.Globalization;
using Portal.Core.Search;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Search;

/// <summary>
/// Relevance, measured: over the corpus of Search/Corpus (more than 300 articles in 11 sections),
/// each query's expected article must rank in the top 3 for at least 90% of the queries, and the
/// four words of the seed report must each find it there. The figure is in docs/search.md.
/// </summary>
public sealed class RelevanceTests(RelevanceTests.CorpusPortal corpus, ITestOutputHelper output) : IClassFixture<RelevanceTests.CorpusPortal>
{
    private static readonly string[] SeedTitleWords = ["新疆", "吐鲁番", "创建", "融"];

    /// <summary>The share of queries whose expected article must be in the top 3.</summary>
    public const double Required = 0.90;

    [Fact]
    public async Task Corpus_HitRateInTheTopThree_IsAtLeastNinetyPercent()
    {
        var queries = RelevanceCorpus.Queries.Where(q => !q.Optional).ToList();
        Assert.True(queries.Count >= 40, $"Only {queries.Count} required queries.");
        var misses = new List<string>();
        foreach (var query in queries)
        {
            var top = (await SearchProbe.KeysAsync(corpus.Factory, query.Query)).Take(3).ToList();
            if (!top.Contains(query.Expected))
            {
                misses.Add($"{query.Query} → [{string.Join(", ", top)}], expected {query.Expected}");
            }
        }

        var rate = 1 - (double)misses.Count / queries.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Relevance: {queries.Count - misses.Count}/{queries.Count} = {rate:P1} in the top 3 over {RelevanceCorpus.Articles.Count} articles."));
        foreach (var miss in misses)
        {
            output.WriteLine("miss: " + miss);
        }

        Assert.True(rate >= Required, string.Create(CultureInfo.InvariantCulture, $"Hit rate {rate:P1} is below {Required:P0}: {string.Join("; ", misses)}"));
    }

    [Theory]
    [InlineData("民族团结")]
    [InlineData("吐鲁番")]
    [InlineData("石榴籽")]
    [InlineData("互嵌")]
    public async Task SeedWords_FindTheTurpanReportInTheTopThree(string query)
    {
        var top = (await SearchProbe.KeysAsync(corpus.Factory, query)).Take(3).ToList();
        output.WriteLine($"{query}: the seed report ranks {top.IndexOf(RelevanceCorpus.SeedKey) + 1} of [{string.Join(", ", top)}]");
        Assert.Contains(RelevanceCorpus.SeedKey, top);
    }

    [Fact]
    public async Task OptionalTraditionalQueries_AreReported()
    {
        // Traditional characters are not folded by SmartCn (docs/search.md): reported, not required.
        foreach (var query in RelevanceCorpus.Queries.Where(q => q.Optional))
        {
            var top = (await SearchProbe.KeysAsync(corpus.Factory, query.Query)).Take(3).ToList();
            output.WriteLine($"optional {query.Query}: {(top.Contains(query.Expected) ? "hit" : "miss")} [{string.Join(", ", top)}]");
        }

        Assert.Contains(RelevanceCorpus.Queries, q => q.Optional);
    }

    [Fact]
    public async Task RelatedArticles_OfTheSeedReport_ShareItsSubject()
    {
        var related = await corpus.Factory.WithScopeAsync(async services =>
        {
            var articles = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Portal.Core.Articles.ArticleQueries>(services);
            var search = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SearchService>(services);
            var seed = await articles.FindAsync(RelevanceCorpus.SeedKey);
            return await search.RelatedAsync(seed!);
        });

        Assert.Equal(SearchService.RelatedCount, related.Count);
        Assert.DoesNotContain(related, r => r.UrlKey == RelevanceCorpus.SeedKey);
        Assert.Equal(related.Count, related.Select(r => r.UrlKey).Distinct().Count());

        // The seed has no keywords: what it shares is words of its title (新疆, 吐鲁番, 创建…) or its section.
        var seed = RelevanceCorpus.Articles.Single(a => a.Key == RelevanceCorpus.SeedKey);
        var byKey = RelevanceCorpus.Articles.ToDictionary(a => a.Key);
        Assert.All(related, r => Assert.True(
            byKey[r.UrlKey].Section == seed.Section || SeedTitleWords.Any(w => byKey[r.UrlKey].Title.Contains(w, StringComparison.Ordinal)),
            $"{byKey[r.UrlKey].Title} shares nothing with the seed report"));
    }

    /// <summary>An empty portal with the corpus loaded and indexed.</summary>
    public sealed class CorpusPortal : IAsyncLifetime
    {
        public PortalFactory Factory { get; } = PortalFactory.Empty();

        public async Task InitializeAsync()
        {
            await RelevanceCorpus.LoadAsync(Factory);
            await SearchProbe.CaughtUpAsync(Factory);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
