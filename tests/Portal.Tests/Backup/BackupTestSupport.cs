using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Backup;
using Portal.Core.Media;
using Portal.Core.Sections;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Backup;

/// <summary>Stores with content of every kind, archives made from them, and archives damaged on purpose.</summary>
internal static class BackupTestSupport
{
    public const string StoredName = "0123456789abcdef0123456789abcdef.png";

    /// <summary>
    /// A SQLite portal seeded from the repository's seed pages, plus an editor limited to a
    /// section, an audit entry, an image used as a cover and as the WeChat QR code, a section
    /// redirect, and a section whose parent has a larger id than itself (so a restore must not
    /// insert sections in id order blindly).
    /// </summary>
    /// <param name="sqlite">On SQLite whatever the test pass (for tests that choose their providers); else on the pass's store.</param>
    public static async Task<PortalFactory> SeededSourceAsync(bool sqlite = false)
    {
        var settings = new Dictionary<string, string?> { ["Publishing:Enabled"] = "false" };
        if (sqlite)
        {
            settings["Database:Provider"] = "Sqlite";
        }

        var factory = new PortalFactory(settings);
        _ = factory.Services;
        var sectionId = await factory.WithDbAsync(async db =>
        {
            var child = TestContent.Section("子栏目", "子", "zi");
            var parent = TestContent.Section("后建父栏目", "父", "fu");
            db.Sections.AddRange(child, parent);
            await db.SaveChangesAsync();
            child.ParentId = parent.Id;
            db.SectionRedirects.Add(new SectionRedirect { OldPath = "old/zi", SectionId = child.Id, CreatedAt = TestContent.Epoch });
            await db.SaveChangesAsync();
            return child.Id;
        });
        var userId = await StaffAccounts.CreateAsync(factory, "editor1", PortalRoles.Editor, [sectionId]);

        var mediaFolder = Path.Combine(factory.DataPath, "media");
        Directory.CreateDirectory(mediaFolder);
        await File.WriteAllBytesAsync(Path.Combine(mediaFolder, StoredName), TestContent.TinyPng);
        await factory.WithDbAsync(async db =>
        {
            var image = new MediaFile
            {
                StoredName = StoredName, OriginalName = "封面.png", ContentType = "image/png", Length = TestContent.TinyPng.Length, UploadedById = userId, UploadedAt = TestContent.Epoch,
            };
            db.MediaFiles.Add(image);
            await db.SaveChangesAsync();
            var article = await db.Articles.OrderBy(a => a.Id).FirstAsync();
            article.CoverImageId = image.Id;
            var settings = await db.SiteSettings.SingleAsync();
            settings.WeChatQrImageId = image.Id;
            db.AuditEntries.Add(new AuditEntry
            {
                At = TestContent.Epoch.AddTicks(1234567), UserId = userId, UserName = "editor1", Action = AuditActions.MediaUpload, TargetType = "media", TargetId = image.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), IpAddress = "127.0.0.1",
            });
            return await db.SaveChangesAsync();
        });
        return factory;
    }

    /// <summary>An empty SQLite store, whatever the test pass.</summary>
    public static PortalFactory EmptySqlite(string? dataPath = null)
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Publishing:Enabled"] = "false" };
        if (dataPath is not null)
        {
            settings["Storage:DataPath"] = dataPath;
        }

        return PortalFactory.Empty(settings);
    }

    public static Task<BackupSummary> ExportAsync(PortalFactory factory, string file) =>
        factory.WithScopeAsync(services => services.GetRequiredService<BackupService>().ExportAsync(file));

    public static Task<BackupSummary> RestoreAsync(PortalFactory factory, string file, bool force = false)
    {
        _ = factory.Services;
        return factory.WithScopeAsync(services => services.GetRequiredService<BackupService>().RestoreAsync(file, force));
    }

    /// <summary>Every file of the factory's media folder, by name, with its bytes in base64.</summary>
    public static SortedDictionary<string, string> MediaFiles(PortalFactory factory)
    {
        var folder = Path.Combine(factory.DataPath, "media");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                files[Path.GetFileName(file)] = Convert.ToBase64String(File.ReadAllBytes(file));
            }
        }

        return files;
    }

    /// <summary>
    /// A SQLite (or the pass's) store that already holds content and an image: an admin account
    /// and <c>ffff….png</c> in its media folder, the target of restores that must change nothing.
    /// </summary>
    public static async Task<PortalFactory> TargetWithContentAsync()
    {
        var target = new PortalFactory(new Dictionary<string, string?> { ["Publishing:Enabled"] = "false" });
        _ = target.Services;
        await StaffAccounts.CreateAsync(target, "admin1", PortalRoles.Admin);
        Directory.CreateDirectory(Path.Combine(target.DataPath, "media"));
        await File.WriteAllBytesAsync(Path.Combine(target.DataPath, "media", "ffffffffffffffffffffffffffffffff.png"), TestContent.TinyPng);
        return target;
    }

    /// <summary>
    /// Restores <paramref name="archive"/> with <c>--force</c> into <paramref name="target"/> and
    /// asserts it is refused with one line containing <paramref name="problem"/>, and that the
    /// store, the media folder and the data folder (no staging folder or lock file left) are as they were.
    /// </summary>
    public static async Task<BackupException> AssertRefusedAsync(PortalFactory target, string archive, string problem)
    {
        var before = await CanonicalDump.TakeAsync(target);
        var mediaBefore = MediaFiles(target);

        var error = await Assert.ThrowsAsync<BackupException>(() => RestoreAsync(target, archive, force: true));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("unchanged", error.Message.Replace("nothing was changed", "unchanged", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(before, await CanonicalDump.TakeAsync(target));
        Assert.Equal(mediaBefore, MediaFiles(target));
        Assert.Equal(["media"], Directory.GetDirectories(target.DataPath).Select(Path.GetFileName).Where(n => n!.StartsWith("media", StringComparison.Ordinal)));
        Assert.Empty(Directory.GetFileSystemEntries(target.DataPath, "media.restore-*"));
        return error;
    }

    /// <summary>A copy of <paramref name="archive"/> with the byte at <paramref name="offset"/> changed.</summary>
    public static string WithByteFlipped(string archive, int offset)
    {
        var bytes = File.ReadAllBytes(archive);
        bytes[offset] ^= 0x5a;
        var copy = Path.Combine(Path.GetDirectoryName(archive)!, Guid.NewGuid().ToString("N") + ".zip");
        File.WriteAllBytes(copy, bytes);
        return copy;
    }

    /// <summary>Where <paramref name="part"/> first occurs in <paramref name="file"/> (fails the test if nowhere).</summary>
    public static int OffsetOf(string file, byte[] part)
    {
        var offset = File.ReadAllBytes(file).AsSpan().IndexOf(part);
        Assert.True(offset >= 0, "The bytes are not in the archive.");
        return offset;
    }

    /// <summary>
    /// Where the CRC-32 of <paramref name="entryName"/> stands in the zip's central directory (the
    /// copy readers check; signature 0x02014b50, CRC at +16, name length at +28, name at +46).
    /// </summary>
    public static int CentralDirectoryCrcOffset(string file, string entryName)
    {
        var bytes = File.ReadAllBytes(file);
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            if (BitConverter.ToUInt32(bytes, i) == 0x02014b50 && BitConverter.ToUInt16(bytes, i + 28) == name.Length && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                return i + 16;
            }
        }

        Assert.Fail($"{entryName} is not in the central directory.");
        return -1;
    }

    /// <summary>A copy of <paramref name="archive"/> with one JSON entry changed as a tree.</summary>
    public static string WithJson(string archive, string entryName, Action<JsonNode> change) =>
        WithEntry(archive, entryName, text =>
        {
            var node = JsonNode.Parse(text)!;
            change(node);
            return node.ToJsonString();
        });

    /// <summary>A copy of <paramref name="archive"/> without the entry <paramref name="entryName"/>.</summary>
    public static string WithoutEntry(string archive, string entryName)
    {
        var copy = Path.Combine(Path.GetDirectoryName(archive)!, Guid.NewGuid().ToString("N") + ".zip");
        File.Copy(archive, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        zip.GetEntry(entryName)!.Delete();
        return copy;
    }

    /// <summary>A copy of <paramref name="archive"/> with one entry's text changed.</summary>
    public static string WithEntry(string archive, string entryName, Func<string, string> change)
    {
        var copy = Path.Combine(Path.GetDirectoryName(archive)!, Guid.NewGuid().ToString("N") + ".zip");
        File.Copy(archive, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName)!;
        string text;
        using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
        {
            text = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
        writer.Write(change(text));
        return copy;
    }
}

/// <summary>
/// A seeded source (<see cref="BackupTestSupport.SeededSourceAsync"/>) exported to <c>site.zip</c>
/// in a temp folder, the set-up of most restore tests; disposing removes both.
/// </summary>
internal sealed class ExportedSite : IDisposable
{
    private readonly TempFolder _folder;

    private ExportedSite(TempFolder folder, PortalFactory source, string file, BackupSummary exported)
    {
        _folder = folder;
        Source = source;
        File = file;
        Exported = exported;
    }

    /// <summary>The temp folder the archive is in, for more files beside it.</summary>
    public string Folder => _folder.Path;

    public PortalFactory Source { get; }

    /// <summary>The archive's full path.</summary>
    public string File { get; }

    /// <summary>What the export counted.</summary>
    public BackupSummary Exported { get; }

    public static async Task<ExportedSite> CreateAsync()
    {
        var folder = TempFolder.Create();
        var source = await BackupTestSupport.SeededSourceAsync();
        var file = Path.Combine(folder.Path, "site.zip");
        return new ExportedSite(folder, source, file, await BackupTestSupport.ExportAsync(source, file));
    }

    public void Dispose()
    {
        Source.Dispose();
        _folder.Dispose();
    }
}
