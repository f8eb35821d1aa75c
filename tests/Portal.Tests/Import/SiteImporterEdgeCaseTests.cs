using Microsoft.EntityFrameworkCore;
using Portal.Core.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Import;

/// <summary>Re-imports that must not damage what the store already knows.</summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public class SiteImporterEdgeCaseTests
{
    [Fact]
    public async Task ImportAsync_ChangedTitleAndDate_UpdatesTheSameArticleAtTheSameAddress()
    {
        using var folder = TempFolder.CopyOfSeeds();
        await using var factory = await SeededStoreFixture.ImportedAsync(folder.Path);
        var original = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());

        var text = SeedPage.ReplaceOnce(SeedPage.Text, SeedPage.Lines[4], SeedPage.Lines[4] + "（更正）");
        File.WriteAllText(folder.SeedPagePath, SeedPage.ReplaceOnce(text, "2023-11-21", "2023-11-22"));
        var summary = await factory.ImportAsync(folder.Path);

        var updated = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());
        Assert.Equal(0, summary.Created);
        Assert.Equal(original.Id, updated.Id);
        Assert.Equal(original.UrlKey, updated.UrlKey);
        Assert.EndsWith("（更正）", updated.Title, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2023, 11, 21, 16, 0, 0, DateTimeKind.Utc), updated.PublishedAt);

        var (response, document) = await factory.GetDocumentAsync("/articles/" + original.UrlKey);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("（更正）", document.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_PageWithoutMapping_KeepsKnownAddressesAndGroups()
    {
        await using var factory = await SeededStoreFixture.ImportedAsync(Seeds.Folder);
        var before = await StoreSnapshot.TakeAsync(factory);

        // The same page alone in a folder without mapping.json.
        using var bare = TempFolder.Create();
        bare.Write(SeedPage.FileName, SeedPage.Text);
        var summary = await factory.ImportAsync(bare.Path);

        Assert.Equal(0, summary.Created);
        Assert.Equal(0, summary.Updated);
        Assert.Equal(before.Text, (await StoreSnapshot.TakeAsync(factory)).Text);
    }

    [Fact]
    public async Task ImportAsync_BreadcrumbNameStartingLikeAMenuLabel_DoesNotRenameTheSection()
    {
        await using var factory = await SeededStoreFixture.ImportedAsync(Seeds.Folder);

        using var folder = TempFolder.Create();
        File.Copy(Path.Combine(Seeds.Folder, "mapping.json"), Path.Combine(folder.Path, "mapping.json"));
        folder.Write("press.txt", SeedPage.ReplaceOnce(SeedPage.Text, "[新闻中心](#)", "[新闻发布会](#)"));
        await factory.ImportAsync(folder.Path);

        var names = await factory.WithDbAsync(db => db.Sections.Where(s => s.ParentId == null).Select(s => s.Name).ToListAsync());
        Assert.Contains("新闻中心", names);
        Assert.Contains("新闻发布会", names);
        var renamedMenu = await factory.WithDbAsync(db => db.Sections.SingleAsync(s => s.MenuLabel == "新闻"));
        Assert.Equal("新闻中心", renamedMenu.Name);
    }

    [Fact]
    public async Task ImportAsync_BreadcrumbUsingTheShortLabel_KeepsTheMappedFullName()
    {
        await using var factory = await SeededStoreFixture.ImportedAsync(Seeds.Folder);

        using var folder = TempFolder.Create();
        File.Copy(Path.Combine(Seeds.Folder, "mapping.json"), Path.Combine(folder.Path, "mapping.json"));
        folder.Write("org.txt", SeedPage.ReplaceOnce(SeedPage.Text, "[新闻中心](#) > [地方动态](#)", "[机构](#)"));
        await factory.ImportAsync(folder.Path);

        var org = await factory.WithDbAsync(db => db.Sections.SingleAsync(s => s.MenuLabel == "机构"));
        Assert.Equal("机构设置", org.Name);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task ImportAsync_TwoPagesWithTheSameFileName_AreRefused()
    {
        await using var factory = PortalFactory.Empty();
        _ = factory.Services;
        using var folder = TempFolder.Create();
        folder.Write(Path.Combine("a", "page.txt"), SeedPage.Text);
        folder.Write(Path.Combine("b", "page.txt"), SeedPage.Text);

        var error = await Assert.ThrowsAsync<ImportException>(() => factory.ImportAsync(folder.Path));

        Assert.Contains("same name", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Articles.CountAsync()));
    }
}
