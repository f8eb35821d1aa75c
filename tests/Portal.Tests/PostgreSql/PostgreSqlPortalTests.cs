using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.PostgreSql;

/// <summary>
/// The portal on a real PostgreSQL server: migrations, the seed import, the reader pages and the
/// behaviours that differ between databases (case-insensitive paths, Chinese text, ordering and
/// paging, UTC timestamps, the edit-conflict token).
/// </summary>
[Collection(PostgresTests.Name)]
[Trait("Store", TestDatabase.ExplicitProvider)]
public sealed class PostgreSqlPortalTests(PostgresServer server)
{
    private PortalFactory Portal(string database, bool seed = true) => new(Settings(database, seed));

    private Dictionary<string, string?> Settings(string database, bool seed)
    {
        var settings = server.PortalSettings(database);
        settings["Import:SeedOnStartup"] = seed ? "true" : "false";
        return settings;
    }

    /// <summary>Adds a 新闻中心 section with one article; returns the article's id.</summary>
    private static Task<int> AddNewsArticleAsync(PortalFactory factory, string urlKey, string title, DateTime publishedAt, ArticleStatus status) =>
        factory.WithDbAsync(async db =>
        {
            var section = TestContent.Section("新闻中心", "新闻", "xinwen");
            var article = TestContent.Article(urlKey, title, section, publishedAt, status);
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });

    [PostgresFact]
    public async Task Seed_OnPostgreSql_RendersTheTurpanPageAsOnSqlite()
    {
        using var factory = Portal("seeded_" + Guid.NewGuid().ToString("N")[..8]);

        var (home, homePage) = await factory.GetDocumentAsync("/");
        var articleUrl = homePage.QuerySelectorAll("a[href^='/articles/']").Select(a => a.GetAttribute("href")).Distinct().Single()!;
        var (article, articlePage) = await factory.GetDocumentAsync(articleUrl);
        var (section, _) = await factory.GetDocumentAsync("/XinWen/DiFang");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Equal("新疆吐鲁番市：融心、融情、融亲、融力促创建", articlePage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(5, articlePage.QuerySelectorAll(".article-body p").Length);
        Assert.Equal(["首页", "新闻中心", "地方动态"], articlePage.QuerySelectorAll("nav.breadcrumb a").Select(a => a.TextContent.Trim()));
        Assert.Equal("2023-11-21", articlePage.QuerySelector(".article-date time")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.MovedPermanently, section.StatusCode);
        Assert.Equal("/xinwen/difang", section.Headers.Location!.OriginalString);
    }

    [PostgresFact]
    public async Task Import_OnPostgreSql_IsIdempotentAndStoresUtc()
    {
        using var factory = Portal("import_" + Guid.NewGuid().ToString("N")[..8], seed: false);
        _ = factory.Services;

        var first = await factory.ImportAsync(Seeds.Folder);
        var second = await factory.ImportAsync(Seeds.Folder);
        var article = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());

        Assert.Equal(Seeds.SeedRows, first.Created);
        Assert.Equal(0, second.Created + second.Updated);
        Assert.Equal(new DateTime(2023, 11, 20, 16, 0, 0, DateTimeKind.Utc), article.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, article.PublishedAt.Kind);
    }

    [PostgresFact]
    public async Task Paging_OnPostgreSql_IsDeterministicForEqualDates()
    {
        using var factory = Portal("paging_" + Guid.NewGuid().ToString("N")[..8], seed: false);
        _ = factory.Services;
        await factory.WithDbAsync(async db =>
        {
            var section = TestContent.Section("通知公告", "通知", "tongzhi");
            db.Sections.Add(section);

            // 45 articles, all on the same day: the id breaks the tie, on every provider alike.
            db.Articles.AddRange(Enumerable.Range(1, 45).Select(i => TestContent.Article($"p{i:D3}", $"通知{i}", section, TestContent.Epoch)));
            return await db.SaveChangesAsync();
        });

        var titles = new List<string>();
        foreach (var url in new[] { "/tongzhi", "/tongzhi?page=2", "/tongzhi?page=3" })
        {
            var (_, page) = await factory.GetDocumentAsync(url);
            titles.AddRange(page.QuerySelectorAll(".article-list li a").Select(a => a.TextContent.Trim()));
        }

        Assert.Equal(Enumerable.Range(1, 45).Reverse().Select(i => $"通知{i}"), titles);
    }

    [PostgresFact]
    public async Task ConcurrencyToken_OnPostgreSql_RefusesAStaleSave()
    {
        using var factory = Portal("conflict_" + Guid.NewGuid().ToString("N")[..8], seed: false);
        _ = factory.Services;
        var id = await AddNewsArticleAsync(factory, "conflict", "原标题", TestContent.Epoch, ArticleStatus.Draft);

        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<Portal.Core.Data.PortalDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<Portal.Core.Data.PortalDbContext>();
        var a1 = await db1.Articles.SingleAsync(a => a.Id == id);
        var a2 = await db2.Articles.SingleAsync(a => a.Id == id);
        a1.Title = "甲改的标题";
        a1.Version++;
        await db1.SaveChangesAsync();
        a2.Title = "乙改的标题";
        a2.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        Assert.Equal("甲改的标题", await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [PostgresFact]
    public async Task DatabaseDown_ReadersGetChinese503_AndThePortalRecoversByItself()
    {
        using var factory = new ProductionPortalFactory(Settings("outage_" + Guid.NewGuid().ToString("N")[..8], seed: true));
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await server.StopAsync();
        try
        {
            var down = await client.GetAsync("/xinwen");
            var html = await down.Content.ReadAsStringAsync();
            var page = await PortalFactory.ParseAsync(html);
            var ready = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("服务暂时不可用", page.QuerySelector("h1")!.TextContent.Trim());
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        finally
        {
            await server.StartAsync();
        }

        // Pooled connections to the old server fail once; the portal must come back without a restart.
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.OK; attempt++)
        {
            status = (await client.GetAsync("/xinwen")).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(500);
            }
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [PostgresFact]
    public async Task ScheduledPublishing_OnPostgreSql_ThreeServersPublishOnce()
    {
        using var factory = Portal("schedule_" + Guid.NewGuid().ToString("N")[..8], seed: false);
        _ = factory.Services;
        var id = await AddNewsArticleAsync(factory, "due", "到点发布", DateTime.UtcNow.AddMinutes(-1), ArticleStatus.Scheduled);

        // Three publishers at once, as three servers behind a load balancer would run them.
        var runs = Enumerable.Range(0, 3).Select(_ => factory.WithScopeAsync(services => services.GetRequiredService<ScheduledPublisher>().PublishDueAsync()));
        var published = await Task.WhenAll(runs);

        Assert.Equal(1, published.Sum());
        Assert.Equal(ArticleStatus.Published, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ArticleScheduledPublish)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [PostgresFact]
    public async Task ServerDatabase_ByDefault_IsNotMigratedOrSeededAtStartUp()
    {
        var database = "defaults_" + Guid.NewGuid().ToString("N")[..8];
        using var defaults = new PortalFactory(server.PortalSettings(database, migrate: false));
        using var client = defaults.CreateClient();

        // Nothing migrated the database: it does not even exist, so the store is not ready.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        // Migrated by the deployment step, the store stays empty until someone imports.
        using var migrated = new PortalFactory(server.PortalSettings(database));
        Assert.Equal(0, await migrated.WithDbAsync(db => db.Sections.CountAsync()));
    }

    [PostgresFact]
    public async Task MigrateVerb_OnPostgreSql_CreatesTheSchemaAndExits()
    {
        var database = "migrate_" + Guid.NewGuid().ToString("N")[..8];
        var settings = new[] { "--Database:Provider=PostgreSql", "--ConnectionStrings:Portal=" + server.ConnectionString(database) };

        var first = await PortalProcess.RunAsync(null, ["migrate", .. settings]);
        var second = await PortalProcess.RunAsync(null, ["migrate", .. settings]);

        Assert.True(first.ExitCode == 0, first.Describe());
        Assert.Equal("Database is up to date.", Assert.Single(first.StdOutLines));
        Assert.True(second.ExitCode == 0, second.Describe());
        using var factory = new PortalFactory(server.PortalSettings(database, migrate: false));
        Assert.Empty(await factory.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
        Assert.Equal(3, await factory.WithDbAsync(db => db.Roles.CountAsync()));
    }
}
