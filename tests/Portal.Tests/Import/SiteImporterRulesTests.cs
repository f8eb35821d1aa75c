using Microsoft.EntityFrameworkCore;
using Portal.Core.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Import;

/// <summary>The importer applies the admin forms' rules: what a form would refuse, an import refuses too.</summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public class SiteImporterRulesTests(SeededStoreFixture fixture) : IClassFixture<SeededStoreFixture>
{
    [Fact]
    public async Task ImportAsync_FullWidthPostcode_RefusedAtFooterLineAndStoreUnchanged()
    {
        using var folder = TempFolder.CopyOfSeeds();
        var file = folder.Write(SeedPage.FileName, SeedPage.ReplaceOnce(SeedPage.Text, "邮政编码 100800", "邮政编码 １００８００"));
        var line = Array.FindIndex(File.ReadAllLines(file), l => l.Contains("邮政编码", StringComparison.Ordinal)) + 1;

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(file, ex.File);
        Assert.Equal(line, ex.Line);
        Assert.StartsWith($"{file}:{line}: \"１００８００\" is not a postcode", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("/a b")]
    [InlineData("javascript:alert(1)")]
    public async Task ImportAsync_MappingLinkUrlTheFormRefuses_RefusedNamingMappingAndStoreUnchanged(string url)
    {
        using var folder = TempFolder.CopyOfSeeds();
        var mappingPath = Path.Combine(folder.Path, ImportMapping.FileName);
        folder.Write(ImportMapping.FileName, SeedPage.ReplaceOnce(File.ReadAllText(mappingPath), "\"https://www.gov.cn/\"", System.Text.Json.JsonSerializer.Serialize(url)));

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(mappingPath, ex.File);
        Assert.StartsWith($"{mappingPath}: link \"中国政府网\": \"{url}\" is not an http(s) address", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bm1234567８")]
    [InlineData("12345")]
    [InlineData("６５０４０００００１")]
    public async Task ImportAsync_MappingSiteCodeTheFormRefuses_RefusedNamingMappingAndStoreUnchanged(string siteCode)
    {
        using var folder = TempFolder.CopyOfSeeds();
        var mappingPath = Path.Combine(folder.Path, ImportMapping.FileName);
        folder.Write(ImportMapping.FileName, SeedPage.ReplaceOnce(File.ReadAllText(mappingPath), "\"site\": {", $"\"site\": {{ \"siteCode\": \"{siteCode}\","));

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(mappingPath, ex.File);
        Assert.Equal($"{mappingPath}: site.siteCode: \"{siteCode}\" is not a site code (bm and 8 digits, or 10 digits)", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_MappingLinkUrlWithSurroundingSpaces_StoredTrimmed()
    {
        await using var factory = PortalFactory.Empty();
        using var folder = TempFolder.CopyOfSeeds();
        var mappingPath = Path.Combine(folder.Path, ImportMapping.FileName);
        folder.Write(ImportMapping.FileName, SeedPage.ReplaceOnce(File.ReadAllText(mappingPath), "\"https://www.gov.cn/\"", "\"  https://www.gov.cn/ \""));
        _ = factory.Services;

        await factory.ImportAsync(folder.Path);

        Assert.Equal("https://www.gov.cn/", await factory.WithDbAsync(db => db.FooterLinks.Where(l => l.Text == "中国政府网").Select(l => l.Url).SingleAsync()));
    }

    private async Task<ImportException> AssertRefusedAsync(string path)
    {
        var before = await StoreSnapshot.TakeAsync(fixture.Factory);
        Assert.Equal(1, before.RowCounts["Articles"]);

        var ex = await Assert.ThrowsAsync<ImportException>(() => fixture.Factory.ImportAsync(path));

        var after = await StoreSnapshot.TakeAsync(fixture.Factory);
        Assert.Equal(before.RowCounts, after.RowCounts);
        Assert.Equal(before.Text, after.Text);
        return ex;
    }
}
