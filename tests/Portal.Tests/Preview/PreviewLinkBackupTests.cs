using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Preview;
using Portal.Tests.Backup;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Preview;

/// <summary>Preview links are short-lived secrets: no archive carries them, and a restore removes the store's own.</summary>
public sealed class PreviewLinkBackupTests
{
    [Fact]
    public async Task Backup_CarriesNoPreviewLinks_AndARestoreRemovesTheTargetsLinks()
    {
        using var folder = TempFolder.Create();
        using var source = await BackupTestSupport.SeededSourceAsync();
        await AddLinkAsync(source);
        var file = Path.Combine(folder.Path, "site.zip");
        await BackupTestSupport.ExportAsync(source, file);

        using (var zip = ZipFile.OpenRead(file))
        {
            Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("preview", StringComparison.OrdinalIgnoreCase));
        }

        using var target = await BackupTestSupport.TargetWithContentAsync();
        await target.WithDbAsync(async db =>
        {
            db.Articles.Add(TestContent.Article("target-only", "目标库文章", await db.Sections.FirstAsync(), TestContent.Epoch));
            return await db.SaveChangesAsync();
        });
        await AddLinkAsync(target);

        await BackupTestSupport.RestoreAsync(target, file, force: true);

        Assert.False(await target.WithDbAsync(db => db.PreviewLinks.AnyAsync()));
    }

    private static Task<int> AddLinkAsync(PortalFactory factory) =>
        factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.OrderBy(a => a.Id).FirstAsync();
            db.PreviewLinks.Add(new PreviewLink
            {
                ArticleId = article.Id,
                TokenHash = PreviewToken.Hash(PreviewToken.Create()),
                ArticleVersion = article.Version,
                CreatedByName = "测试",
                CreatedAt = TestContent.Epoch,
                ExpiresAt = TestContent.Epoch.AddHours(72),
            });
            return await db.SaveChangesAsync();
        });
}
