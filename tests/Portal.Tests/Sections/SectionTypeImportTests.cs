using Microsoft.EntityFrameworkCore;
using Portal.Core.Import;
using Portal.Core.Sections;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sections;

/// <summary>mapping.json's section keys type, updateClass, url and hideWhenEmpty: applied, and refused in clear English when bad.</summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public sealed class SectionTypeImportTests(SeededStoreFixture fixture) : IClassFixture<SeededStoreFixture>
{
    private const string InteractionEntry = "\"互动\": { \"slug\": \"hudong\", \"name\": \"互动交流\" }";

    [Fact]
    public async Task Seed_SectionsStayListsThatAreShown()
    {
        var sections = await fixture.Factory.WithDbAsync(db => db.Sections.AsNoTracking().ToListAsync());

        Assert.NotEmpty(sections);
        Assert.All(sections, s => Assert.Equal((SectionKind.List, SectionUpdateClass.News, false, (string?)null), (s.Kind, s.UpdateClass, s.HideWhenEmpty, s.LinkUrl)));
    }

    [Fact]
    public async Task Mapping_TypeKeys_AreStoredAndReadersSeeThem()
    {
        using var folder = TempFolder.CopyOfSeeds();
        var mappingPath = Path.Combine(folder.Path, ImportMapping.FileName);
        var mapping = File.ReadAllText(mappingPath);
        mapping = SeedPage.ReplaceOnce(mapping, InteractionEntry,
            "\"互动\": { \"slug\": \"hudong\", \"name\": \"互动交流\", \"type\": \"interaction\", \"updateClass\": \"notice\", \"hideWhenEmpty\": true }");
        mapping = SeedPage.ReplaceOnce(mapping, "\"专题\": { \"slug\": \"zhuanti\", \"name\": \"专题专栏\" }",
            "\"专题\": { \"slug\": \"zhuanti\", \"name\": \"专题专栏\", \"type\": \"link\", \"url\": \" https://www.gov.cn/zhuanti/ \" }");
        mapping = SeedPage.ReplaceOnce(mapping, "\"机构\": { \"slug\": \"jigou\", \"name\": \"机构设置\" }",
            "\"机构\": { \"slug\": \"jigou\", \"name\": \"机构设置\", \"type\": \"page\" }");
        mapping = SeedPage.ReplaceOnce(mapping, "\"公开\": { \"slug\": \"gongkai\", \"name\": \"政务公开\" }",
            "\"公开\": { \"slug\": \"gongkai\", \"name\": \"政务公开\", \"type\": \"list\", \"updateClass\": \"policy\" }");
        folder.Write(ImportMapping.FileName, mapping);

        await using var factory = await SeededStoreFixture.ImportedAsync(folder.Path);

        var sections = await factory.WithDbAsync(db => db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Slug));
        Assert.Equal((SectionKind.Interaction, SectionUpdateClass.Notice, true), (sections["hudong"].Kind, sections["hudong"].UpdateClass, sections["hudong"].HideWhenEmpty));
        Assert.Equal((SectionKind.Link, "https://www.gov.cn/zhuanti/"), (sections["zhuanti"].Kind, sections["zhuanti"].LinkUrl));
        Assert.Equal(SectionKind.Page, sections["jigou"].Kind);
        Assert.Equal((SectionKind.List, SectionUpdateClass.Policy), (sections["gongkai"].Kind, sections["gongkai"].UpdateClass));
        Assert.Equal(SectionKind.List, sections["xinwen"].Kind);

        var (_, home) = await factory.GetDocumentAsync("/");
        var menu = home.QuerySelectorAll("nav.main-nav a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal("https://www.gov.cn/zhuanti/", menu["专题"]);
        Assert.DoesNotContain("互动", menu.Keys);
        Assert.Equal("/xinwen", menu["新闻"]);
    }

    [Theory]
    [InlineData(", \"type\": \"forum\"", "section \"互动\": type \"forum\" is not one of list, page, link, interaction")]
    [InlineData(", \"type\": \"List\"", "section \"互动\": type \"List\" is not one of list, page, link, interaction")]
    [InlineData(", \"updateClass\": \"weekly\"", "section \"互动\": updateClass \"weekly\" is not one of news, notice, policy, other")]
    [InlineData(", \"type\": \"link\"", "section \"互动\": a section of type link needs a url (an http(s) address or a site path starting with one /)")]
    [InlineData(", \"type\": \"link\", \"url\": \" \"", "section \"互动\": a section of type link needs a url (an http(s) address or a site path starting with one /)")]
    [InlineData(", \"type\": \"link\", \"url\": \"#\"", "section \"互动\": url \"#\" is not an http(s) address or a site path starting with one /")]
    [InlineData(", \"type\": \"link\", \"url\": \"javascript:void(0)\"", "section \"互动\": url \"javascript:void(0)\" is not an http(s) address or a site path starting with one /")]
    [InlineData(", \"url\": \"https://www.gov.cn/\"", "section \"互动\": url is only for sections of type link")]
    [InlineData(", \"type\": \"page\", \"hideWhenEmpty\": true", "section \"互动\": hideWhenEmpty is only for sections of type list or interaction")]
    [InlineData(", \"type\": \"link\", \"url\": \"/x\", \"updateClass\": \"news\"", "section \"互动\": updateClass is only for sections of type list or interaction")]
    public async Task Mapping_BadTypeKey_RefusedNamingTheSectionAndKey_StoreUnchanged(string extra, string message)
    {
        using var folder = TempFolder.CopyOfSeeds();
        var mappingPath = Path.Combine(folder.Path, ImportMapping.FileName);
        folder.Write(ImportMapping.FileName, SeedPage.ReplaceOnce(File.ReadAllText(mappingPath), InteractionEntry, InteractionEntry[..^2] + extra + " }"));

        var before = await StoreSnapshot.TakeAsync(fixture.Factory);
        var ex = await Assert.ThrowsAsync<ImportException>(() => fixture.Factory.ImportAsync(folder.Path));
        var after = await StoreSnapshot.TakeAsync(fixture.Factory);

        Assert.Equal(mappingPath, ex.File);
        Assert.StartsWith($"{mappingPath}: {message}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before.Text, after.Text);
    }

    [Fact]
    public async Task Mapping_HideWhenEmptyNotABoolean_RefusedAsAnInvalidMappingFile()
    {
        using var folder = TempFolder.CopyOfSeeds();
        var mappingPath = Path.Combine(folder.Path, ImportMapping.FileName);
        folder.Write(ImportMapping.FileName, SeedPage.ReplaceOnce(File.ReadAllText(mappingPath), InteractionEntry, InteractionEntry[..^2] + ", \"hideWhenEmpty\": \"yes\" }"));

        var ex = await Assert.ThrowsAsync<ImportException>(() => fixture.Factory.ImportAsync(folder.Path));

        Assert.Contains("not a valid mapping file", ex.Message, StringComparison.Ordinal);
    }
}
