using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
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

    [Fact]
    public async Task Restore_MalformedManifestOrTables_AreRefusedWithOneLineNamingTheEntry_AndChangeNothing()
    {
        using var site = await ExportedSite.CreateAsync();
        var file = site.File;
        var cases = new (string Archive, string Problem)[]
        {
            (BackupTestSupport.WithEntry(file, "manifest.json", m => m.Replace("\"formatVersion\": 1", "\"formatVersion\": \"1\"", StringComparison.Ordinal)),
                "the manifest's formatVersion must be a whole number; it is string \"1\""),
            (BackupTestSupport.WithJson(file, "manifest.json", m => m["tables"] = null), "the manifest's \"tables\" is null"),
            (BackupTestSupport.WithEntry(file, "tables/articles.json", _ => "{}"), "tables/articles.json is not valid: the file must hold a JSON array of rows, not an object."),
            (BackupTestSupport.WithEntry(file, "tables/users.json", _ => "not json"), "tables/users.json is not valid:"),
            (BackupTestSupport.WithJson(file, "tables/audit-entries.json", t => t[0] = 42), "tables/audit-entries.json is not valid: row 1 is a number, not an object of columns."),
            (BackupTestSupport.WithJson(file, "tables/sections.json", t => t[0]!["SortOrder"] = "first"), "tables/sections.json is not valid: row 1, column SortOrder: a string does not fit the column (Int32)."),
            (BackupTestSupport.WithJson(file, "tables/articles.json", t => t[0]!["Status"] = "Bogus"), "tables/articles.json is not valid: row 1, column Status: a string does not fit the column (ArticleStatus)."),
            (BackupTestSupport.WithJson(file, "tables/articles.json", t => t[0]!["BodyMarkdown"] = null), "tables/articles.json is not valid: row 1, column BodyMarkdown: null does not fit the column (String)."),
            (BackupTestSupport.WithoutEntry(file, "tables/footer-links.json"), "tables/footer-links.json is missing."),
        };

        using var target = await BackupTestSupport.TargetWithContentAsync();
        foreach (var (archive, problem) in cases)
        {
            await BackupTestSupport.AssertRefusedAsync(target, archive, problem);
        }
    }

    [Fact]
    public async Task Restore_ArticleHtmlInTheArchive_IsNeverServed_TheBodyIsRenderedFromItsMarkdown()
    {
        using var site = await ExportedSite.CreateAsync();
        string? urlKey = null;
        string? markdown = null;
        var hostile = BackupTestSupport.WithJson(site.File, "tables/articles.json", rows =>
        {
            var article = rows[0]!;
            urlKey = (string)article["UrlKey"]!;
            markdown = (string)article["BodyMarkdown"]!;
            article["BodyHtml"] = "<script>alert(1)</script><img src=x onerror=alert(2)><p>只在存档的HTML里</p>";
        });
        Assert.Equal("Published", await site.Source.WithDbAsync(db => db.Articles.Where(a => a.UrlKey == urlKey).Select(a => a.Status.ToString()).SingleAsync()));

        using var target = PortalFactory.Empty(new Dictionary<string, string?> { ["Publishing:Enabled"] = "false" });
        await BackupTestSupport.RestoreAsync(target, hostile);

        var (response, page) = await target.GetDocumentAsync($"/articles/{urlKey}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XssAssert.NoActiveContent(page);
        Assert.DoesNotContain("只在存档的HTML里", page.Body!.TextContent, StringComparison.Ordinal);
        var stored = await target.WithDbAsync(db => db.Articles.Where(a => a.UrlKey == urlKey).Select(a => a.BodyHtml).SingleAsync());
        Assert.Equal(new MarkdownRenderer().Render(markdown!), stored);
    }

    [Fact]
    public async Task Restore_MediaRowClaimingAnotherType_IsRefused_SoNoArchiveServesAPageFromTheSite()
    {
        using var site = await ExportedSite.CreateAsync();
        var hostile = BackupTestSupport.WithJson(site.File, "tables/media-files.json", rows => rows[0]!["ContentType"] = "text/html");

        using var target = await BackupTestSupport.TargetWithContentAsync();
        await BackupTestSupport.AssertRefusedAsync(target, hostile, "says \"text/html\", but media/");
    }

    [Fact]
    public async Task Restore_BodyNestedTooDeeply_IsRefusedNamingTheEntryAndRow_AndChangesNothing()
    {
        using var site = await ExportedSite.CreateAsync();
        var deep = BackupTestSupport.WithJson(site.File, "tables/articles.json", rows => rows[0]!["BodyMarkdown"] = TestContent.TooDeepMarkdown);

        using var target = await BackupTestSupport.TargetWithContentAsync();
        await BackupTestSupport.AssertRefusedAsync(target, deep, "tables/articles.json: row 1, column BodyMarkdown cannot be rendered: Markdown line 1: " + MarkdownTooDeepException.Problem);
    }
}
