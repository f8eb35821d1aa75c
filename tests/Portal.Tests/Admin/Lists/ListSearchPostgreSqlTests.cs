using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Articles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Lists;

/// <summary>
/// The admin list's search and order on a real PostgreSQL server, where LIKE and comparisons are
/// case-sensitive and <c>%</c> <c>_</c> <c>\</c> are pattern characters: the same answers as on SQLite.
/// </summary>
[Collection(PostgresTests.Name)]
[Trait("Store", TestDatabase.ExplicitProvider)]
public sealed class ListSearchPostgreSqlTests(PostgresServer server)
{
    private static readonly string[] Titles = ["增长100%", "增长1000", "a_b", "axb", "[x]", "50\\", "50"];

    [PostgresFact]
    public async Task Search_OnPostgreSql_IsCaseInsensitiveForLatinLettersAndLiteral()
    {
        var settings = server.PortalSettings("lists_" + Guid.NewGuid().ToString("N")[..8]);
        settings["Import:SeedOnStartup"] = "false";
        using var factory = new PortalFactory(settings);
        _ = factory.Services;
        var sections = await factory.WithDbAsync(async db =>
        {
            var news = TestContent.Section("新闻中心", "新闻", "xinwen");
            var notices = TestContent.Section("通知公告", "通知", "tongzhi");
            db.Articles.AddRange(Titles.Select((t, i) => TestContent.Article($"w{i:D3}", t, news, TestContent.Epoch.AddDays(i))));
            var body = TestContent.Article("b001", "正文里有", news, TestContent.Epoch);
            body.BodyMarkdown = "新疆 Turpan 吐鲁番";
            var source = TestContent.Article("s001", "来源里有", notices, TestContent.Epoch);
            source.Source = "XINHUA";
            var keywords = TestContent.Article("k001", "关键词里有", notices, TestContent.Epoch);
            keywords.Keywords = "GrapeFest,葡萄";
            db.Articles.AddRange(body, source, keywords);
            await db.SaveChangesAsync();
            return (News: news.Id, Notices: notices.Id);
        });

        async Task<List<string>> Search(string q, IReadOnlyCollection<int>? limit = null, ArticleSort? sort = null) =>
            await factory.WithScopeAsync(async services =>
                (await services.GetRequiredService<EditorialQueries>().ListAsync(new ArticleFilter(Search: q), sort ?? new ArticleSort(ArticleSortKey.Title, false), limit, 1))
                .Items.Select(i => i.Title).ToList());

        Assert.Equal(["增长100%"], await Search("100%"));
        Assert.Equal(["a_b"], await Search("a_b"));
        Assert.Equal(["[x]"], await Search("[x]"));
        Assert.Equal(["50\\"], await Search("50\\"));
        Assert.Equal(["正文里有"], await Search("TURPAN"));
        Assert.Equal(["正文里有"], await Search("吐鲁番"));
        Assert.Equal(["来源里有"], await Search("xinhua"));
        Assert.Equal(["关键词里有"], await Search("grapefest 葡萄"));
        Assert.Empty(await Search("来源里有", limit: [sections.News]));
        Assert.Equal(["增长1000", "增长100%"], await Search("增长", sort: new ArticleSort(ArticleSortKey.Date, true)));
    }
}
