using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Audit;
using Portal.Core.Demo;
using Portal.Core.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Demo;

/// <summary>The demo seeder in process: batches, the change log, existing sections, and all-or-nothing.</summary>
public sealed class DemoSeederTests
{
    // Two batches: 2,000 and 1,500 (both over the change log's bulk threshold).
    private const int TwoBatches = DemoSeeder.BatchSize + 1500;

    [Fact]
    public async Task SeedAsync_SeededStore_SpreadsOverItsLeafSectionsWithOneAllRowPerBatch()
    {
        using var factory = new PortalFactory();
        var before = await factory.WithDbAsync(db => db.ContentChanges.MaxAsync(c => (long?)c.Id));

        var summary = await SeedAsync(factory, TwoBatches, seed: 1);

        Assert.False(summary.SectionsCreated);
        var (leaves, used, changes, articles) = await factory.WithDbAsync(async db => (
            await db.Sections.Where(s => !db.Sections.Any(c => c.ParentId == s.Id)).Select(s => s.Id).ToListAsync(),
            await db.Articles.Where(a => a.UrlKey.StartsWith("demo")).Select(a => a.SectionId).Distinct().ToListAsync(),
            await db.ContentChanges.Where(c => c.Id > (before ?? 0)).Select(c => c.Kind).ToListAsync(),
            await db.Articles.CountAsync(a => a.UrlKey.StartsWith("demo"))));
        Assert.Equal(TwoBatches, articles);
        Assert.Equal(leaves.Count, summary.Sections);
        Assert.Equal(leaves.Order(), used.Order());
        Assert.Equal([ContentChangeKind.All, ContentChangeKind.All], changes);
    }

    [Fact]
    public async Task SeedAsync_CancelledAfterTheFirstBatch_LeavesTheEmptyStoreEmpty()
    {
        using var factory = PortalFactory.Empty();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SeedAsync(factory, TwoBatches, seed: 1, written => cancel.Cancel(), cancel.Token));

        Assert.Equal((0, 0, 0, 0), await CountsAsync(factory));
    }

    [Fact]
    public async Task SeedAsync_KeyTakenInTheSecondBatch_FailsAndLeavesTheStoreAsItWas()
    {
        using var factory = PortalFactory.Empty();
        var taken = DemoArticleGenerator.KeyOf(1, DemoSeeder.BatchSize + 10);
        await factory.WithDbAsync(db =>
        {
            var section = TestContent.Section("测试", "测试", "test");
            db.Articles.Add(TestContent.Article(taken, "已有文章", section, TestContent.Epoch));
            return db.SaveChangesAsync();
        });
        var before = await CountsAsync(factory);
        var batches = new List<int>();

        await Assert.ThrowsAsync<DbUpdateException>(() => SeedAsync(factory, TwoBatches, seed: 1, batches.Add));

        Assert.Equal([DemoSeeder.BatchSize], batches);
        Assert.Equal((1, 1, 0, before.Changes), await CountsAsync(factory));
    }

    [Fact]
    public async Task SeedAsync_SameSeedAgain_RefusedBeforeWritingAnything()
    {
        using var factory = PortalFactory.Empty();
        await SeedAsync(factory, 20, seed: 3);
        var before = await CountsAsync(factory);

        await Assert.ThrowsAsync<DemoSeedException>(() => SeedAsync(factory, 20, seed: 3));

        Assert.Equal(before, await CountsAsync(factory));
    }

    [Fact]
    public void Generator_SameSeedAndIndex_SameArticle_KeysDistinct()
    {
        var now = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var slugs = new[] { "difang", "tongzhi", "minzu", "other" };
        var one = new DemoArticleGenerator(5, slugs);
        var again = new DemoArticleGenerator(5, slugs);

        var other = new DemoArticleGenerator(6, slugs);

        Assert.Equal(one.Create(42, now), again.Create(42, now));
        Assert.NotEqual(
            Enumerable.Range(0, 50).Select(i => one.Create(i, now).BodyMarkdown),
            Enumerable.Range(0, 50).Select(i => other.Create(i, now).BodyMarkdown));
        var articles = Enumerable.Range(0, 2000).Select(i => one.Create(i, now)).ToList();
        Assert.Equal(2000, articles.Select(a => a.UrlKey).Distinct(StringComparer.Ordinal).Count());
        Assert.True(articles.Select(a => a.Title).Distinct(StringComparer.Ordinal).Count() > 1000, "titles should vary");
        Assert.All(articles, a => Assert.InRange(a.PublishedAt, now - DemoArticleGenerator.Span, now));
        Assert.All(articles, a => Assert.DoesNotContain("{", a.Title + a.BodyMarkdown, StringComparison.Ordinal));
        Assert.Equal(slugs.Length, articles.Select(a => a.SectionIndex).Distinct().Count());
    }

    private static Task<DemoSeedSummary> SeedAsync(PortalFactory factory, int count, int seed, Action<int>? batchSaved = null, CancellationToken cancellationToken = default) =>
        factory.WithScopeAsync(services => services.GetRequiredService<DemoSeeder>().SeedAsync(count, seed, batchSaved, cancellationToken));

    private static Task<(int Articles, int Sections, int Audits, int Changes)> CountsAsync(PortalFactory factory) =>
        factory.WithDbAsync(async db => (
            await db.Articles.CountAsync(),
            await db.Sections.CountAsync(),
            await db.AuditEntries.CountAsync(e => e.Action == AuditActions.DemoSeed),
            await db.ContentChanges.CountAsync()));
}
