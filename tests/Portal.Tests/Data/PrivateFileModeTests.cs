using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>The SQLite database holds the password hashes: only the portal's account may read it (0600 on Unix).</summary>
[Trait("Store", TestDatabase.ExplicitProvider)]
public sealed class PrivateFileModeTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task Start_SqliteDatabase_IsCreatedReadableByTheOwnerOnly_AndAnOpenOneIsRestricted()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var fresh = PortalFactory.Empty(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });
        _ = fresh.Services;
        await fresh.WithDbAsync(db => db.Sections.CountAsync());
        var files = Directory.GetFiles(fresh.DataPath, "portal.db*");
        Assert.Contains(Path.Combine(fresh.DataPath, "portal.db"), files);
        foreach (var file in files)
        {
            Assert.True(File.GetUnixFileMode(file) == OwnerReadWrite, $"{file} is {File.GetUnixFileMode(file)}");
        }

        // A database created by an earlier version, readable by everyone: restricted at the next start.
        var data = Path.Combine(fresh.DataPath, "older");
        Directory.CreateDirectory(data);
        var older = Path.Combine(data, "portal.db");
        await File.WriteAllBytesAsync(older, []);
        File.SetUnixFileMode(older, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var restarted = PortalFactory.Empty(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Storage:DataPath"] = data });
        _ = restarted.Services;
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(older));
    }
}
