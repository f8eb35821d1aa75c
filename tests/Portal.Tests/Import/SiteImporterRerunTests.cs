using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Import;

/// <summary>Importing again: the same pages change nothing, a changed page updates its article in place.</summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public class SiteImporterRerunTests
{
    [Fact]
    public async Task ImportAsync_SameFolderTwice_SecondRunChangesNoRowNorTimestamp()
    {
        await using var factory = await SeededStoreFixture.ImportedAsync(Seeds.Folder);
        var before = await StoreSnapshot.TakeAsync(factory);

        var second = await factory.ImportAsync(Seeds.Folder);

        Assert.Equal(new ImportSummary(Files: 1, Created: 0, Updated: 0, Unchanged: Seeds.SeedRows), second);
        Assert.Equal($"Imported 1 file(s): 0 created, 0 updated, {Seeds.SeedRows} unchanged (nothing to change).", second.ToString());
        var after = await StoreSnapshot.TakeAsync(factory);
        Assert.Equal(1, before.RowCounts["Articles"]);
        Assert.Equal(before.RowCounts, after.RowCounts);
        Assert.Equal(before.Text, after.Text);
    }

    [Fact]
    public async Task ImportAsync_ChangedParagraph_UpdatesTheSameArticleInPlace()
    {
        using var folder = TempFolder.CopyOfSeeds();
        await using var factory = await SeededStoreFixture.ImportedAsync(folder.Path);
        var original = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());
        var before = await StoreSnapshot.TakeAsync(factory);

        var changed = SeedPage.Paragraphs[2] + "（本段已修订）";
        File.WriteAllText(folder.SeedPagePath, SeedPage.ReplaceOnce(SeedPage.Text, SeedPage.Paragraphs[2], changed));
        var summary = await factory.ImportAsync(folder.Path);

        // Only the article row changed; sections, footer and settings are untouched.
        Assert.Equal(new ImportSummary(Files: 1, Created: 0, Updated: 1, Unchanged: Seeds.SeedRows - 1), summary);
        var updated = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());
        Assert.Equal(original.Id, updated.Id);
        Assert.Equal(original.UrlKey, updated.UrlKey);
        Assert.Equal(original.ImportKey, updated.ImportKey);
        Assert.Equal(original.CreatedAt, updated.CreatedAt);
        Assert.True(updated.UpdatedAt > original.UpdatedAt, $"UpdatedAt {updated.UpdatedAt:O} should be later than {original.UpdatedAt:O}");
        string[] expected = [SeedPage.Paragraphs[0], SeedPage.Paragraphs[1], changed, SeedPage.Paragraphs[3], SeedPage.Paragraphs[4]];
        Assert.Equal(string.Join("\n\n", expected), updated.BodyMarkdown);
        var html = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + updated.BodyHtml + "</body></html>");
        Assert.Equal(expected, html.QuerySelectorAll("body > p").Select(p => p.TextContent));

        // Besides the article row, the update wrote its revision and audit entry (decision 0002)
        // and its change-log row (what search follows);
        // SQLite's sqlite_sequence counts the ids those first rows of their tables took.
        var after = await StoreSnapshot.TakeAsync(factory);
        string[] added = ["ArticleRevisions", "AuditEntries", "ContentChanges"];
        var expectedCounts = new Dictionary<string, int>(before.RowCounts);
        foreach (var table in added)
        {
            expectedCounts[table]++;
        }

        Assert.Equal(expectedCounts.Where(c => c.Key != "sqlite_sequence"), after.RowCounts.Where(c => c.Key != "sqlite_sequence"));
        IEnumerable<string> Rest(StoreSnapshot snapshot) => snapshot.TextWithout("Articles").Split('\n')
            .Where(l => !added.Append("sqlite_sequence").Any(t => l.StartsWith(t + "|", StringComparison.Ordinal)));
        Assert.Equal(Rest(before), Rest(after));
        Assert.Equal(original.Version + 1, updated.Version);
    }
}
