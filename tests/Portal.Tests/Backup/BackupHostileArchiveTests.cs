using Portal.Tests.Infrastructure;

namespace Portal.Tests.Backup;

/// <summary>
/// Restore trusts nothing in an archive: damaged entries, malformed manifests and tables, and
/// stored HTML are refused or replaced before the store or the media folder is touched.
/// </summary>
public sealed class BackupHostileArchiveTests
{
    private const string MediaEntry = "media/" + BackupTestSupport.StoredName;

    [Fact]
    public async Task Restore_MediaEntryWithBadCrc_IsRefusedNamingTheEntry_AndChangesNothing()
    {
        using var site = await ExportedSite.CreateAsync();

        // The image is stored uncompressed: its bytes stand in the zip as they are. One changed
        // byte in the middle of them, or in the CRC-32 the central directory holds for them.
        var damagedData = BackupTestSupport.WithByteFlipped(site.File, BackupTestSupport.OffsetOf(site.File, TestContent.TinyPng) + (TestContent.TinyPng.Length / 2));
        var damagedCrc = BackupTestSupport.WithByteFlipped(site.File, BackupTestSupport.CentralDirectoryCrcOffset(site.File, MediaEntry));

        using var target = await BackupTestSupport.TargetWithContentAsync();
        foreach (var archive in new[] { damagedData, damagedCrc })
        {
            var error = await BackupTestSupport.AssertRefusedAsync(target, archive, $"\"{MediaEntry}\" is damaged");

            Assert.StartsWith("Restore failed, nothing was changed:", error.Message, StringComparison.Ordinal);
        }
    }
}
