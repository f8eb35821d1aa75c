using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Backup;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Backup;

/// <summary>export and restore on SQLite: the round trip, the --force rule, and damaged archives that change nothing.</summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Restore_IntoEmptyStore_YieldsTheSameContentAndMedia()
    {
        using var site = await ExportedSite.CreateAsync();
        using var target = PortalFactory.Empty();
        var restored = await BackupTestSupport.RestoreAsync(target, site.File);

        var expected = await CanonicalDump.TakeAsync(site.Source);
        Assert.Equal(expected, await CanonicalDump.TakeAsync(target));
        Assert.Contains("\"AspNetUsers\"", expected, StringComparison.Ordinal);
        Assert.Contains("editor1", expected, StringComparison.Ordinal);
        Assert.Equal(BackupTestSupport.MediaFiles(site.Source), BackupTestSupport.MediaFiles(target));
        Assert.Single(BackupTestSupport.MediaFiles(target));
        Assert.Equal(site.Exported.Rows, restored.Rows);
        Assert.Equal(1, restored.MediaFiles);
        Assert.False(File.Exists(site.File + ".tmp"));

        // Ids and password hashes came along: the editor signs in on the restored store.
        using var client = await StaffAccounts.SignInAsync(target, "editor1");
    }

    [Fact]
    public async Task Export_Archive_HasAVersionedManifestAndOneFilePerTable()
    {
        using var site = await ExportedSite.CreateAsync();

        using var zip = ZipFile.OpenRead(site.File);
        using var manifest = System.Text.Json.JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal("portal-backup", manifest.RootElement.GetProperty("format").GetString());
        Assert.Equal(1, manifest.RootElement.GetProperty("formatVersion").GetInt32());
        var articles = await site.Source.WithDbAsync(db => db.Articles.CountAsync());
        Assert.Equal(articles, manifest.RootElement.GetProperty("tables").GetProperty("articles").GetInt32());
        Assert.NotNull(zip.GetEntry("tables/users.json"));
        Assert.NotNull(zip.GetEntry("tables/audit-entries.json"));
        Assert.NotNull(zip.GetEntry("media/" + BackupTestSupport.StoredName));
    }

    [Fact]
    public async Task Export_Archive_IsReadableByTheOwnerOnly_EvenOverAnArchiveThatWasNot()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var site = await ExportedSite.CreateAsync();
        var again = Path.Combine(site.Folder, "again.zip");
        await File.WriteAllBytesAsync(again, []);
        File.SetUnixFileMode(again, (UnixFileMode)0b110_110_110);
        await File.WriteAllBytesAsync(again + ".tmp", []);
        File.SetUnixFileMode(again + ".tmp", (UnixFileMode)0b110_110_110);

        await BackupTestSupport.ExportAsync(site.Source, again);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(site.File));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(again));
    }

    [Fact]
    public async Task Restore_NonEmptyStore_IsRefusedWithoutForce_AndReplacedWithForce()
    {
        using var site = await ExportedSite.CreateAsync();
        using var target = new PortalFactory(new Dictionary<string, string?> { ["Publishing:Enabled"] = "false" });
        _ = target.Services;
        await target.WithDbAsync(async db =>
        {
            db.Articles.Add(TestContent.Article("only-in-target", "只在目标库", await db.Sections.FirstAsync(), TestContent.Epoch));
            return await db.SaveChangesAsync();
        });
        Directory.CreateDirectory(Path.Combine(target.DataPath, "media"));
        await File.WriteAllBytesAsync(Path.Combine(target.DataPath, "media", "ffffffffffffffffffffffffffffffff.png"), TestContent.TinyPng);
        var before = await CanonicalDump.TakeAsync(target);
        var mediaBefore = BackupTestSupport.MediaFiles(target);

        var refused = await Assert.ThrowsAsync<BackupException>(() => BackupTestSupport.RestoreAsync(target, site.File));

        Assert.Contains("not empty", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CanonicalDump.TakeAsync(target));
        Assert.Equal(mediaBefore, BackupTestSupport.MediaFiles(target));

        await BackupTestSupport.RestoreAsync(target, site.File, force: true);

        Assert.Equal(await CanonicalDump.TakeAsync(site.Source), await CanonicalDump.TakeAsync(target));
        Assert.Equal(BackupTestSupport.MediaFiles(site.Source), BackupTestSupport.MediaFiles(target));
    }

    [Fact]
    public async Task Restore_DamagedArchives_LeaveTheStoreExactlyAsItWas()
    {
        using var site = await ExportedSite.CreateAsync();
        var bytes = await File.ReadAllBytesAsync(site.File);
        var corrupt = Path.Combine(site.Folder, "corrupt.zip");
        await File.WriteAllBytesAsync(corrupt, Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251)).ToArray());
        var truncated = Path.Combine(site.Folder, "truncated.zip");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var future = BackupTestSupport.WithEntry(site.File, "manifest.json", m => m.Replace("\"formatVersion\": 1", "\"formatVersion\": 99", StringComparison.Ordinal));

        // Valid JSON and counts, but an article in a section that does not exist: the database
        // refuses it halfway through the inserts, after every old row was deleted.
        var dangling = BackupTestSupport.WithEntry(site.File, "tables/articles.json", a => a.Replace("\"SectionId\": ", "\"SectionId\": 9999", StringComparison.Ordinal));

        using var target = await BackupTestSupport.TargetWithContentAsync();
        foreach (var (archive, problem) in new[]
        {
            (corrupt, "not a readable backup archive"),
            (truncated, "not a readable backup archive"),
            (future, "format version 99"),
            (dangling, "rolled back"),
        })
        {
            await BackupTestSupport.AssertRefusedAsync(target, archive, problem);
        }
    }
}
