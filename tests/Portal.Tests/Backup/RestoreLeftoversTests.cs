using Portal.Tests.Infrastructure;

namespace Portal.Tests.Backup;

/// <summary>
/// A restore killed half-way (kill -9) leaves its staging folder beside the media folder: the next
/// start of the portal, and the next restore, remove it, but never a running restore's folders nor
/// the only copy of images the store refers to.
/// </summary>
public sealed class RestoreLeftoversTests
{
    private const string Run = "0123456789abcdef0123456789abcdef";
    private const string OtherRun = "fedcba9876543210fedcba9876543210";

    [Fact]
    public void Start_LeftoversOfAKilledRestore_AreRemoved_OtherFoldersAreNot()
    {
        using var folder = Import.TempFolder.Create();
        var data = Path.Combine(folder.Path, "data");
        Write(data, "media/ffffffffffffffffffffffffffffffff.png");
        Write(data, $"media.restore-{Run}/{BackupTestSupport.StoredName}");
        Write(data, $"media.restore-{Run}.lock");
        Write(data, $"media.restore-{OtherRun}.old/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee.png");
        Write(data, "media.restore-notes/keep.txt");

        using var portal = PortalFactory.Empty(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Storage:DataPath"] = data });
        _ = portal.Services;

        Assert.Equal(["media", "media.restore-notes"], Directory.GetFileSystemEntries(data, "media*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(data, "media", "ffffffffffffffffffffffffffffffff.png")));
    }

    [Fact]
    public async Task Restore_RemovesAKilledRestoresStagingFolderFirst_ButNotARunningOnes()
    {
        using var site = await ExportedSite.CreateAsync();
        using var target = PortalFactory.Empty(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });
        _ = target.Services;
        Write(target.DataPath, $"media.restore-{Run}/{BackupTestSupport.StoredName}");
        Write(target.DataPath, $"media.restore-{OtherRun}/{BackupTestSupport.StoredName}");

        // The other run is alive: it holds its lock file open, as a restore does while it runs.
        await using (new FileStream(Path.Combine(target.DataPath, $"media.restore-{OtherRun}.lock"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
        {
            await BackupTestSupport.RestoreAsync(target, site.File);

            Assert.Equal([$"media.restore-{OtherRun}", $"media.restore-{OtherRun}.lock"], Directory.GetFileSystemEntries(target.DataPath, "media.restore-*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        Assert.Equal(BackupTestSupport.MediaFiles(site.Source), BackupTestSupport.MediaFiles(target));
    }

    [Fact]
    public async Task Start_LeftoverHoldingTheOnlyCopyOfAnImageTheStoreUses_IsKeptUntilTheImageIsBack()
    {
        // The database committed, then the process died before the staging folder was moved into
        // place: the store's image is only in the staging folder.
        using var site = await BackupTestSupport.SeededSourceAsync(sqlite: true);
        var media = Path.Combine(site.DataPath, "media", BackupTestSupport.StoredName);
        var staged = Path.Combine(site.DataPath, $"media.restore-{Run}", BackupTestSupport.StoredName);
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.Move(media, staged);

        // A second host on the same data folder is a restart (disposing one removes the folder).
        using var restarted = new PortalFactory(new Dictionary<string, string?>(site.Settings));
        _ = restarted.Services;
        Assert.True(File.Exists(staged));

        File.Copy(staged, media);
        using var again = new PortalFactory(new Dictionary<string, string?>(site.Settings));
        _ = again.Services;
        Assert.False(Directory.Exists(Path.GetDirectoryName(staged)));
    }

    private static void Write(string data, string relative)
    {
        var path = Path.Combine(data, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, TestContent.TinyPng);
    }
}
