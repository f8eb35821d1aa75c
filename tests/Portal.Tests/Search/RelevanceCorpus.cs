using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Sections;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>
/// The relevance corpus for full-text search: the articles and queries written by
/// <c>Search/Corpus/generate.py</c> (see there for how they are composed) and copied next to the
/// tests by the build. <see cref="LoadAsync"/> writes the articles into a portal's store.
/// </summary>
public static class RelevanceCorpus
{
    /// <summary>The key of the seed report (吐鲁番) in the corpus.</summary>
    public const string SeedKey = "turpan-seed";

    /// <summary>The slug of the section the corpus sections are created under.</summary>
    public const string ParentSlug = "corpus";

    /// <summary>The corpus sections: slug → name, as a government portal names them.</summary>
    public static IReadOnlyDictionary<string, string> Sections { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["difang"] = "地方动态",
        ["gongzuo"] = "工作动态",
        ["tongzhi"] = "通知公告",
        ["zhengce"] = "政策文件",
        ["jiedu"] = "政策解读",
        ["minzu"] = "民族团结",
        ["xiangcun"] = "乡村振兴",
        ["shengtai"] = "生态环境",
        ["jiaoyu"] = "教育",
        ["yiliao"] = "医疗卫生",
        ["wenlv"] = "文化旅游",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IReadOnlyList<CorpusArticle>> LazyArticles = new(() => Read<CorpusArticle>("articles.json"));

    private static readonly Lazy<IReadOnlyList<CorpusQuery>> LazyQueries = new(() => Read<CorpusQuery>("queries.json"));

    /// <summary>Where the build puts the corpus files.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Search", "Corpus");

    public static IReadOnlyList<CorpusArticle> Articles => LazyArticles.Value;

    public static IReadOnlyList<CorpusQuery> Queries => LazyQueries.Value;

    /// <summary>
    /// Writes the corpus into <paramref name="factory"/>'s store in one save: a hidden top-level
    /// section 检索语料 (slug <see cref="ParentSlug"/>, so the corpus slugs cannot collide with a
    /// seeded store's sections) with one child per corpus section, and every article published
    /// at 09:00 Beijing time of its date, its body rendered by the app's <see cref="MarkdownRenderer"/>.
    /// </summary>
    public static async Task LoadAsync(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        await factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var renderer = services.GetRequiredService<MarkdownRenderer>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

            var parent = new Section
            {
                Name = "检索语料",
                MenuLabel = "检索语料",
                Slug = ParentSlug,
                ShowInMenu = false,
                SortOrder = 1000,
                CreatedAt = now,
                UpdatedAt = now,
            };
            var sections = Sections.Select((s, i) => new Section
            {
                Parent = parent,
                Name = s.Value,
                MenuLabel = s.Value,
                Slug = s.Key,
                SortOrder = i,
                CreatedAt = now,
                UpdatedAt = now,
            }).ToDictionary(s => s.Slug, StringComparer.Ordinal);
            db.Sections.Add(parent);
            db.Sections.AddRange(sections.Values);

            foreach (var article in Articles)
            {
                var date = DateOnly.ParseExact(article.PublishedAt, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var published = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(9, 0)), beijing);
                db.Articles.Add(new Article
                {
                    UrlKey = article.Key,
                    Title = article.Title,
                    Section = sections[article.Section],
                    Source = article.Source,
                    PublishedAt = published,
                    HasPublishTime = true,
                    Status = ArticleStatus.Published,
                    Keywords = article.Keywords.Length == 0 ? null : article.Keywords,
                    Summary = article.Summary.Length == 0 ? null : article.Summary,
                    BodyMarkdown = article.Body,
                    BodyHtml = renderer.Render(article.Body),
                    CreatedAt = published,
                    UpdatedAt = published,
                });
            }

            return await db.SaveChangesAsync();
        });
    }

    private static List<T> Read<T>(string file)
    {
        var path = Path.Combine(Folder, file);
        return JsonSerializer.Deserialize<List<T>>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException($"{path} holds no JSON array");
    }
}
