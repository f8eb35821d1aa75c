using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Media;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Feeds;

/// <summary>
/// A portal whose store holds content chosen for feeds, the sitemap and page heads: a site name
/// and 网站标识码; 新闻中心 (with 栏目描述 and 栏目关键词) and its child 地方动态 (with neither);
/// 通知公告; an empty 机构设置; 27 visible articles (22 under 新闻中心, so its list and feed run
/// past 20) and one of each kind readers must not see, dated newest so that a leak would head
/// every list. Settings (Site:BaseUrl, the sitemap's file size) come from subclasses.
/// </summary>
public class FeedPortalFixture : IAsyncLifetime
{
    public const string SiteName = "测试门户";
    public const string SiteCode = "bm12345678";
    public const string NewsDescription = "新闻中心发布本机关的工作动态和各地的民族工作新闻。";
    public const string NewsKeywords = "新闻,工作动态";

    /// <summary>The article with a summary, keywords and a cover image (新闻中心).</summary>
    public const string FullKey = "n01";
    public const string FullSummary = "这是一篇有摘要的新闻。";
    public const string FullKeywords = "民族团结,新闻";
    public const string CoverName = "0123456789abcdef0123456789abcdef.png";

    /// <summary>The article without a summary whose body runs past 120 characters, with inline markup and two paragraphs (新闻中心).</summary>
    public const string LongKey = "n02";

    /// <summary>An article updated after it was published (新闻中心).</summary>
    public const string UpdatedKey = "n03";

    /// <summary>The first paragraph of <see cref="LongKey"/>'s body as readers read it: 75 characters.</summary>
    public static readonly string LongFirstParagraph = string.Concat(Enumerable.Repeat("民族团结进步创建工作扎实推进，", 5));

    /// <summary>Its second paragraph: 72 characters.</summary>
    public static readonly string LongSecondParagraph = string.Concat(Enumerable.Repeat("各族群众共同团结奋斗、共同繁荣发展。", 4));

    /// <summary>What its description must be: the first 120 characters of its text, the paragraphs one space apart.</summary>
    public static string LongExcerpt => (LongFirstParagraph + " " + LongSecondParagraph)[..120];

    /// <summary>The keys of articles readers must not see: draft, submitted, withdrawn, in the recycle bin, dated in the future, scheduled.</summary>
    public static IReadOnlyList<string> HiddenKeys { get; } = ["hid-draft", "hid-submitted", "hid-withdrawn", "hid-deleted", "hid-future", "hid-scheduled"];

    public FeedPortalFixture()
        : this(null)
    {
    }

    protected FeedPortalFixture(IDictionary<string, string?>? settings)
    {
        Factory = PortalFactory.Empty(settings);
    }

    public PortalFactory Factory { get; }

    public async Task InitializeAsync()
    {
        _ = Factory.Services; // starts the host, which migrates the empty store
        await Factory.WithDbAsync(async db =>
        {
            db.SiteSettings.Add(new SiteSettings { SiteName = SiteName, SiteCode = SiteCode, UpdatedAt = TestContent.Epoch });
            var news = TestContent.Section("新闻中心", "新闻", "xinwen");
            news.Description = NewsDescription;
            news.Keywords = NewsKeywords;
            var local = TestContent.Section("地方动态", "地方动态", "difang", news);
            var notices = TestContent.Section("通知公告", "通知", "tongzhi");
            var empty = TestContent.Section("机构设置", "机构", "jigou");
            empty.UpdatedAt = TestContent.Epoch.AddDays(50);
            var cover = new MediaFile { StoredName = CoverName, OriginalName = "封面.png", ContentType = "image/png", Length = 68, UploadedAt = TestContent.Epoch };
            db.AddRange(news, local, notices, empty, cover);
            await db.SaveChangesAsync();

            var keys = Enumerable.Range(1, 14).Select(i => ($"n{i:D2}", news))
                .Concat(Enumerable.Range(1, 8).Select(i => ($"d{i:D2}", local)))
                .Concat(Enumerable.Range(1, 5).Select(i => ($"t{i:D2}", notices)))
                .ToList();

            // Interleaved dates, each with a time of day, so every section's articles spread over
            // the whole range; the lower the number, the newer (d01, n01, t01 are the newest three).
            var order = keys.OrderBy(k => k.Item1[1..], StringComparer.Ordinal).ThenBy(k => k.Item1[0]).ToList();
            foreach (var (key, section) in keys)
            {
                var day = keys.Count - order.IndexOf((key, section));
                db.Articles.Add(TestContent.Article(key, $"文章{key}", section, TestContent.Epoch.AddDays(day).AddHours(day % 9)));
            }

            await db.SaveChangesAsync();
            var full = await db.Articles.SingleAsync(a => a.UrlKey == FullKey);
            full.Summary = FullSummary;
            full.Keywords = FullKeywords;
            full.CoverImageId = cover.Id;
            var longBody = await db.Articles.SingleAsync(a => a.UrlKey == LongKey);
            longBody.BodyHtml = $"<p>\u3000\u3000民族团结<strong>进步</strong>{LongFirstParagraph[6..]}</p>\n<p>{LongSecondParagraph}</p>\n";
            var updated = await db.Articles.SingleAsync(a => a.UrlKey == UpdatedKey);
            updated.UpdatedAt = TestContent.Epoch.AddDays(200);

            var newest = TestContent.Epoch.AddDays(100);
            var future = DateTime.UtcNow.AddYears(1);
            var deleted = TestContent.Article("hid-deleted", "回收站中", news, newest);
            deleted.DeletedAt = newest;
            db.Articles.AddRange(
                TestContent.Article("hid-draft", "草稿", news, newest, ArticleStatus.Draft),
                TestContent.Article("hid-submitted", "待审", local, newest, ArticleStatus.Submitted),
                TestContent.Article("hid-withdrawn", "已撤回", local, newest, ArticleStatus.Withdrawn),
                deleted,
                TestContent.Article("hid-future", "未到发布时间", notices, future),
                TestContent.Article("hid-scheduled", "定时发布", notices, future, ArticleStatus.Scheduled));
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The articles readers may see, newest first, read from the store with the rule written out
    /// here (not through the code under test): published, not in the recycle bin, publish time reached.
    /// </summary>
    public Task<List<Article>> VisibleAsync(params string[] sectionSlugs) => Factory.WithDbAsync(db =>
    {
        var now = DateTime.UtcNow;
        var visible = db.Articles.AsNoTracking().Include(a => a.Section)
            .Where(a => a.Status == ArticleStatus.Published && a.DeletedAt == null && a.PublishedAt <= now);
        if (sectionSlugs.Length > 0)
        {
            visible = visible.Where(a => sectionSlugs.Contains(a.Section!.Slug));
        }

        return visible.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).ToListAsync();
    });

    /// <summary>Every section, as stored.</summary>
    public Task<List<Section>> SectionsAsync() => Factory.WithDbAsync(db => db.Sections.AsNoTracking().ToListAsync());

    /// <summary>
    /// What the sitemap must list, worked out from the store with the rules written out here: the
    /// home page, every section and every visible article, each with its last change (an article:
    /// the later of published and updated; a section: the newest of itself and the articles its
    /// page lists, its sub-sections' included; the home page: the newest of all).
    /// </summary>
    public async Task<Dictionary<string, DateTime>> ExpectedSitemapAsync(string origin)
    {
        var sections = await SectionsAsync();
        var visible = await VisibleAsync();
        static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
        string PathOf(Section s) => s.ParentId is { } parentId ? PathOf(sections.Single(p => p.Id == parentId)) + "/" + s.Slug : s.Slug;
        bool Under(Section s, int ancestorId) => s.Id == ancestorId || (s.ParentId is { } parentId && Under(sections.Single(p => p.Id == parentId), ancestorId));

        var expected = new Dictionary<string, DateTime>();
        foreach (var section in sections)
        {
            expected[$"{origin}/{PathOf(section)}"] = visible.Where(a => Under(sections.Single(s => s.Id == a.SectionId), section.Id))
                .Select(a => Later(a.PublishedAt, a.UpdatedAt))
                .Append(section.UpdatedAt)
                .Max();
        }

        expected[origin + "/"] = expected.Values.Max();
        foreach (var article in visible)
        {
            expected[$"{origin}/articles/{article.UrlKey}"] = Later(article.PublishedAt, article.UpdatedAt);
        }

        return expected;
    }
}
