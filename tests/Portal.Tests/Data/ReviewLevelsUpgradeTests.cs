using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Data;

namespace Portal.Tests.Data;

/// <summary>
/// Upgrading a store that has sections and articles to the review-levels migration keeps today's
/// rule (one review, not none) and marks live articles' dates and revisions as they were.
/// </summary>
public sealed class ReviewLevelsUpgradeTests
{
    private const string Before = "20261202043235_WritingMediaAndPreview";

    [Fact]
    public async Task Upgrade_ExistingSectionsAndArticles_KeepOneReviewAndTheirDates()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(connection, o => o.MigrationsAssembly("Portal.Migrations.Sqlite"))
            .Options;
        await using var db = new PortalDbContext(options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);

        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Sections" ("Name", "MenuLabel", "Slug", "SortOrder", "ShowInMenu", "CreatedAt", "UpdatedAt") VALUES ('新闻', '新闻', 'xinwen', 0, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO "Articles" ("UrlKey", "Title", "SectionId", "PublishedAt", "HasPublishTime", "Source", "BodyMarkdown", "BodyHtml", "Status", "Version", "CreatedAt", "UpdatedAt")
            VALUES ('aaaaaaaaaaaa', '已发布', 1, '2026-01-02 00:00:00', 1, '来源', '正文', '<p>正文</p>', 'Published', 4, '2026-01-01 00:00:00', '2026-01-02 00:00:00'),
                   ('bbbbbbbbbbbb', '定时', 1, '2030-01-02 00:00:00', 1, '来源', '正文', '<p>正文</p>', 'Scheduled', 2, '2026-01-01 00:00:00', '2026-01-02 00:00:00'),
                   ('cccccccccccc', '草稿', 1, '2026-01-01 00:00:00', 1, '来源', '正文', '<p>正文</p>', 'Draft', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            """);

        await migrator.MigrateAsync();

        Assert.Equal(1, await db.Sections.Select(s => s.ReviewLevels).SingleAsync());
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.UrlKey).ToListAsync();
        Assert.Equal((true, (int?)4, (DateTime?)null), (articles[0].PublishedAtChosen, articles[0].LiveRevision, articles[0].ScheduledAt));
        Assert.Equal((true, articles[1].PublishedAt), (articles[1].PublishedAtChosen, articles[1].ScheduledAt!.Value));
        Assert.Equal((false, (int?)null), (articles[2].PublishedAtChosen, articles[2].LiveRevision));
    }
}
