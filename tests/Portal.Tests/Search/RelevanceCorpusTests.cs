using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>
/// The relevance corpus itself: big and varied enough, consistent, and loadable. The relevance
/// test that runs its queries belongs with the search engine.
/// </summary>
public sealed partial class RelevanceCorpusTests
{
    private static IReadOnlyList<CorpusArticle> Articles => RelevanceCorpus.Articles;

    [Fact]
    public void Articles_Count_AtLeast300InAtLeast8Sections()
    {
        Assert.True(Articles.Count >= 300, $"{Articles.Count} articles");
        Assert.True(Articles.Select(a => a.Section).Distinct().Count() >= 8);
        Assert.All(Articles, a => Assert.Contains(a.Section, RelevanceCorpus.Sections.Keys));
    }

    [Fact]
    public void Queries_Count_AtLeast40()
    {
        Assert.True(RelevanceCorpus.Queries.Count >= 40, $"{RelevanceCorpus.Queries.Count} queries");
        Assert.All(RelevanceCorpus.Queries, q => Assert.False(string.IsNullOrWhiteSpace(q.Query)));
        Assert.All(RelevanceCorpus.Queries, q => Assert.False(string.IsNullOrWhiteSpace(q.Note)));
    }

    [Fact]
    public void Keys_AreUniqueAndFitTheUrlKeyColumn()
    {
        Assert.Equal(Articles.Count, Articles.Select(a => a.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Articles, a => Assert.Matches(KeyPattern(), a.Key));
        Assert.All(Articles, a => Assert.True(a.Key.Length <= FieldLengths.UrlKey, a.Key));
    }

    [Fact]
    public void Queries_ExpectedKeys_AllExist()
    {
        var keys = Articles.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);

        Assert.All(RelevanceCorpus.Queries, q => Assert.True(keys.Contains(q.Expected), $"{q.Query} → {q.Expected}"));
    }

    [Theory]
    [InlineData("民族团结")]
    [InlineData("石榴籽")]
    [InlineData("互嵌")]
    [InlineData("吐鲁番")]
    public void Queries_RequiredOnes_PointToTheSeedReport(string query)
    {
        var found = Assert.Single(RelevanceCorpus.Queries, q => q.Query == query);

        Assert.Equal(RelevanceCorpus.SeedKey, found.Expected);
        Assert.False(found.Optional);
    }

    [Fact]
    public void Articles_EveryOne_HasTitleSourceBodyAndAPlausibleDate()
    {
        Assert.All(Articles, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Title), a.Key);
            Assert.False(string.IsNullOrWhiteSpace(a.Source), a.Key);
            Assert.False(string.IsNullOrWhiteSpace(a.Body), a.Key);
            Assert.True(a.Title.Length <= FieldLengths.Title, a.Key);
            Assert.True(a.Source.Length <= FieldLengths.Source, a.Key);
            Assert.True(a.Keywords.Length <= FieldLengths.Keywords, a.Key);
            Assert.True(a.Summary.Length <= FieldLengths.Summary, a.Key);
            var date = DateOnly.ParseExact(a.PublishedAt, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(date.Year, 2021, 2024);
        });
    }

    [Fact]
    public void SeedArticle_IsTheSeedPageAsCaptured()
    {
        var seed = Assert.Single(Articles, a => a.Key == RelevanceCorpus.SeedKey);

        Assert.Equal("新疆吐鲁番市：融心、融情、融亲、融力促创建", seed.Title);
        Assert.Equal("新疆维吾尔自治区民委", seed.Source);
        Assert.Equal("2023-11-21", seed.PublishedAt);
        Assert.Equal("difang", seed.Section);
        Assert.Equal(string.Join("\n\n", SeedPage.Paragraphs), seed.Body);
    }

    [Fact]
    public async Task LoadAsync_EmptyStore_StoresEveryArticlePublishedAtNineBeijingTime()
    {
        using var factory = PortalFactory.Empty();

        await RelevanceCorpus.LoadAsync(factory);

        var (count, seed) = await factory.WithDbAsync(async db => (
            await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published),
            await db.Articles.AsNoTracking().Include(a => a.Section).SingleAsync(a => a.UrlKey == RelevanceCorpus.SeedKey)));
        Assert.Equal(Articles.Count, count);
        Assert.Equal(new DateTime(2023, 11, 21, 1, 0, 0, DateTimeKind.Utc), seed.PublishedAt);
        Assert.Equal("difang", seed.Section!.Slug);
        Assert.Null(seed.Keywords);
        Assert.StartsWith("<p>新疆吐鲁番市紧扣铸牢中华民族共同体意识这条主线", seed.BodyHtml, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}
