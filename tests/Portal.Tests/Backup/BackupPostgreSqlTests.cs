using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Backup;

/// <summary>Moving a site between databases: SQLite → PostgreSQL → SQLite keeps every row, id and file.</summary>
[Collection(PostgresTests.Name)]
[Trait("Store", TestDatabase.ExplicitProvider)]
public sealed class BackupPostgreSqlTests(PostgresServer server)
{
    [PostgresFact]
    public async Task RoundTrip_SqliteToPostgreSqlToSqlite_YieldsIdenticalContent()
    {
        using var folder = TempFolder.Create();
        using var source = await BackupTestSupport.SeededSourceAsync(sqlite: true);
        var first = Path.Combine(folder.Path, "from-sqlite.zip");
        var second = Path.Combine(folder.Path, "from-postgresql.zip");
        await BackupTestSupport.ExportAsync(source, first);
        var expected = await CanonicalDump.TakeAsync(source);

        using var postgres = PortalFactory.Empty(server.PortalSettings("backup_" + Guid.NewGuid().ToString("N")[..8]));
        await BackupTestSupport.RestoreAsync(postgres, first);
        var onPostgres = await CanonicalDump.TakeAsync(postgres);
        await BackupTestSupport.ExportAsync(postgres, second);

        using var back = BackupTestSupport.EmptySqlite();
        await BackupTestSupport.RestoreAsync(back, second);

        Assert.Equal(expected, onPostgres);
        Assert.Equal(expected, await CanonicalDump.TakeAsync(back));
        Assert.Equal(BackupTestSupport.MediaFiles(source), BackupTestSupport.MediaFiles(back));

        // The identity sequences were moved past the restored ids: new rows get new ids.
        var (maxArticle, newArticle, newEntry) = await postgres.WithDbAsync(async db =>
        {
            var max = await db.Articles.MaxAsync(a => a.Id);
            var article = TestContent.Article("after-restore", "恢复后新建", await db.Sections.FirstAsync(), TestContent.Epoch);
            db.Articles.Add(article);
            var entry = new AuditEntry { At = TestContent.Epoch, UserName = "system", Action = "test" };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return (max, article.Id, entry.Id);
        });
        Assert.True(newArticle > maxArticle, $"new article id {newArticle} should follow {maxArticle}");
        Assert.True(newEntry > 1);
    }
}
