using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Import;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Import;

/// <summary>An import that changes a stored article is a save like any other: new version, revision, audit entry.</summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public class SiteImporterRevisionTests
{
    [Fact]
    public async Task ImportAsync_ChangedPage_BumpsVersionWritesRevisionAndAudit_StaleEditorFormConflicts()
    {
        using var folder = TempFolder.CopyOfSeeds();
        await using var factory = await SeededStoreFixture.ImportedAsync(folder.Path);
        await StaffAccounts.CreateAsync(factory, "admin", PortalRoles.Admin, displayName: "管理员甲");
        var admin = await StaffAccounts.SignInAsync(factory, "admin");
        var original = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());

        // The editor loads the form, then the page is imported again with a new paragraph and date.
        var (form, _) = await factory.GetDocumentAsync($"/admin/articles/edit/{original.Id}", admin);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var changed = SeedPage.Paragraphs[2] + "（本段已修订）";
        var text = SeedPage.ReplaceOnce(SeedPage.Text, SeedPage.Paragraphs[2], changed);
        var dateLine = SeedPage.Lines[SeedPage.DateLineNumber - 1];
        var oldDate = System.Text.RegularExpressions.Regex.Match(dateLine, @"\d{4}-\d{2}-\d{2}").Value;
        var newDate = DateOnly.ParseExact(oldDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        text = SeedPage.ReplaceOnce(text, dateLine, dateLine.Replace(oldDate, newDate, StringComparison.Ordinal));
        File.WriteAllText(folder.SeedPagePath, text);
        await factory.ImportAsync(folder.Path);

        var updated = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());
        Assert.Equal(original.Version + 1, updated.Version);
        var revision = await factory.WithDbAsync(db => db.ArticleRevisions.AsNoTracking().SingleAsync(r => r.ArticleId == original.Id && r.Number == updated.Version));
        Assert.Equal(updated.BodyMarkdown, revision.BodyMarkdown);
        Assert.Equal(updated.PublishedAt, revision.PublishedAt);
        Assert.Equal(updated.SectionId, revision.SectionId);
        Assert.Null(revision.AuthorId);
        Assert.Equal(SiteImporter.ImportAuthorName, revision.AuthorName);
        var key = original.Id.ToString(CultureInfo.InvariantCulture);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetType == "article" && e.TargetId == key).ToListAsync());
        var edit = Assert.Single(audit, e => e.Action == AuditActions.ArticleEdit);
        Assert.Contains("正文", edit.Details, StringComparison.Ordinal);
        Assert.Contains("发布日期", edit.Details, StringComparison.Ordinal);
        Assert.Single(audit, e => e.Action == AuditActions.ArticlePublishDateChange);

        // The form the editor loaded before the import is stale: saving it shows the conflict page.
        var (saved, page) = await PostAsync(admin, $"/admin/articles/edit/{original.Id}", ArticleForm(original.Title, original.SectionId, "编辑的旧稿", original.Version, source: original.Source));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotNull(page.QuerySelector(".conflict"));
        var stored = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());
        Assert.Equal(updated.BodyMarkdown, stored.BodyMarkdown);
        Assert.Equal(updated.Version, stored.Version);

        // Importing the same pages once more changes nothing: no new version, revision or entry.
        await factory.ImportAsync(folder.Path);
        Assert.Equal(updated.Version, (await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync())).Version);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ArticleRevisions.CountAsync()));
    }
}
