using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Core.Sections;

namespace Portal.Core.Demo;

/// <summary>
/// Fills the store with generated, published articles (<see cref="DemoArticleGenerator"/>) for
/// load tests and demonstrations: the <c>seed-demo</c> verb. The whole run is one transaction,
/// so a failure or cancellation leaves the store as it was. Articles are written in batches of
/// <see cref="BatchSize"/> with change detection off and the tracker cleared after each, so a
/// million articles never sit in memory at once. Every batch is larger than
/// <see cref="ContentChangeRecorder.BulkThreshold"/>, so the change log gets one
/// <see cref="ContentChangeKind.All"/> row per batch rather than a row per article.
/// </summary>
public sealed class DemoSeeder(PortalDbContext db, MarkdownRenderer renderer, TimeProvider time, AuditLog audit, ILogger<DemoSeeder> logger)
{
    /// <summary>Articles per <c>SaveChanges</c>.</summary>
    public const int BatchSize = 2000;

    /// <summary>The most articles one run may write.</summary>
    public const int MaxArticles = 5_000_000;

    /// <summary>
    /// Writes <paramref name="count"/> articles of <paramref name="seed"/> over the store's leaf
    /// sections, creating the demo section tree first when the store has no section.
    /// <paramref name="batchSaved"/> is told the running total after each batch (inside the
    /// transaction: nothing is visible to others until the end).
    /// </summary>
    /// <exception cref="DemoSeedException">The store already holds this seed's articles.</exception>
    public async Task<DemoSeedSummary> SeedAsync(int count, int seed, Action<int>? batchSaved = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxArticles);
        var started = time.GetTimestamp();
        var now = time.GetUtcNow().UtcDateTime;
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            // Inserts only: nothing tracked changes after Add, so scanning for changes is wasted work.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var (sections, created) = await db.InTransactionAsync(
                () => WriteAsync(count, seed, now, batchSaved, cancellationToken),
                cancellationToken: cancellationToken);
            var summary = new DemoSeedSummary(count, sections, created, time.GetElapsedTime(started));
            logger.LogInformation("Generated {Count} demo articles of seed {Seed} in {Sections} sections in {Elapsed}", count, seed, sections, summary.Elapsed);
            return summary;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    private async Task<(int Sections, bool Created)> WriteAsync(int count, int seed, DateTime now, Action<int>? batchSaved, CancellationToken cancellationToken)
    {
        // A retried unit starts again from a clear tracker (docs/decisions/0003-transactions.md).
        db.ChangeTracker.Clear();
        var first = DemoArticleGenerator.KeyOf(seed, 0);
        if (await db.Articles.AnyAsync(a => a.UrlKey == first, cancellationToken))
        {
            throw new DemoSeedException($"The store already holds the demo articles of seed {seed}; run seed-demo with another --seed.");
        }

        var created = !await db.Sections.AnyAsync(cancellationToken);
        if (created)
        {
            await CreateSectionTreeAsync(now, cancellationToken);
        }

        var leaves = await LeafSectionsAsync(cancellationToken);
        var generator = new DemoArticleGenerator(seed, leaves.Select(s => s.Slug).ToList());
        var written = 0;
        while (written < count)
        {
            // The last batch takes in a remainder too small to pass the change log's bulk threshold.
            var size = Math.Min(BatchSize, count - written);
            var rest = count - written - size;
            if (rest > 0 && rest <= ContentChangeRecorder.BulkThreshold)
            {
                size += rest;
            }

            // Composing and rendering (Markdig and HtmlSanitizer, about a third of the time) use
            // every core; the inserts that follow are one connection's work.
            var batch = new Article[size];
            var from = written;
            Parallel.For(0, size, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                batch[i] = ToArticle(generator.Create(from + i, now), leaves));
            db.Articles.AddRange(batch);

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            written += size;
            logger.LogDebug("Wrote {Written} of {Count} demo articles", written, count);
            batchSaved?.Invoke(written);
        }

        audit.Add(
            AuditActions.DemoSeed,
            "article",
            null,
            string.Create(CultureInfo.InvariantCulture, $"生成演示文章 {count} 篇（种子 {seed}，{leaves.Count} 个栏目{(created ? "，新建演示栏目" : "")}）"));
        await db.SaveChangesAsync(cancellationToken);
        return (leaves.Count, created);
    }

    private Article ToArticle(DemoArticle demo, List<(int Id, string Slug)> leaves) => new()
    {
        UrlKey = demo.UrlKey,
        Title = demo.Title,
        SectionId = leaves[demo.SectionIndex].Id,
        Source = demo.Source,
        PublishedAt = demo.PublishedAt,
        PublishedAtChosen = true,
        HasPublishTime = true,
        Status = ArticleStatus.Published,
        Summary = demo.Summary,
        Keywords = demo.Keywords,
        BodyMarkdown = demo.BodyMarkdown,
        BodyHtml = renderer.Render(demo.BodyMarkdown),
        CreatedAt = demo.PublishedAt,
        UpdatedAt = demo.PublishedAt,
    };

    private async Task CreateSectionTreeAsync(DateTime now, CancellationToken cancellationToken)
    {
        var bySlug = new Dictionary<string, Section>(StringComparer.Ordinal);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (slug, name, label, parent) in DemoSections.Tree)
        {
            var key = parent ?? "";
            order[key] = order.GetValueOrDefault(key) + 1;
            var section = new Section
            {
                Parent = parent is null ? null : bySlug[parent],
                Name = name,
                MenuLabel = label,
                Slug = slug,
                SortOrder = order[key] - 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            bySlug[slug] = section;
            db.Sections.Add(section);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The sections without children, in id order: where articles go.</summary>
    private async Task<List<(int Id, string Slug)>> LeafSectionsAsync(CancellationToken cancellationToken)
    {
        var leaves = await db.Sections.AsNoTracking()
            .Where(s => !db.Sections.Any(c => c.ParentId == s.Id))
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Slug })
            .ToListAsync(cancellationToken);
        return leaves.Select(s => (s.Id, s.Slug)).ToList();
    }
}
