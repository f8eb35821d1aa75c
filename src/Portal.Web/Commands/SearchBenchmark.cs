using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Search;

namespace Portal.Web.Commands;

/// <summary>
/// The <c>benchmark-search</c> verb: times searches through <see cref="SearchService"/> (query,
/// index, the page's rows from the store, highlighting) on this store and index, to check a
/// server against the target (p95 under 50 ms at 100,000 articles; docs/search.md).
/// </summary>
public static class SearchBenchmark
{
    /// <summary>Words residents type into a government site's search box, single and combined.</summary>
    private static readonly string[] Words =
    [
        "民族团结", "乡村振兴", "吐鲁番", "通知", "公告", "政策", "解读", "招聘", "养老保险", "医疗保障",
        "教育", "学校", "疫苗", "交通", "道路", "环境保护", "生态", "旅游", "葡萄", "农业",
        "就业", "创业", "补贴", "社区", "文化", "非遗", "安全生产", "防汛", "消防", "住房",
        "公积金", "营商环境", "政务服务", "办事指南", "人大代表", "政协", "统计", "预算", "审计", "扶贫",
    ];

    /// <summary>Runs <paramref name="count"/> timed searches after a warm-up and returns the figures as one line.</summary>
    public static async Task<string> RunAsync(IServiceProvider services, int count)
    {
        var indexer = services.GetRequiredService<SearchIndexer>();
        var db = services.GetRequiredService<PortalDbContext>();
        var index = services.GetRequiredService<SearchIndex>();
        if (index.EnsureWritable())
        {
            // Bring the index up to date first (a build when it is new), so the searches see all.
            while (await indexer.RunPassAsync(db) > 0 || index.NeedsBuild)
            {
            }
        }

        var sections = await db.Sections.AsNoTracking().Select(s => s.Id).ToListAsync();
        var random = new Random(20261201);
        SearchRequest Next()
        {
            var query = random.Next(3) == 0 ? Words[random.Next(Words.Length)] + " " + Words[random.Next(Words.Length)] : Words[random.Next(Words.Length)];
            return (random.Next(10)) switch
            {
                0 when sections.Count > 0 => new SearchRequest(query, SectionId: sections[random.Next(sections.Count)]),
                1 => new SearchRequest(query, Sort: SearchSort.Date),
                2 => new SearchRequest(query, Page: 1 + random.Next(5)),
                _ => new SearchRequest(query),
            };
        }

        var totals = 0L;
        for (var i = 0; i < 50; i++)
        {
            await SearchOnceAsync(services, Next());
        }

        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var request = Next();
            var watch = Stopwatch.StartNew();
            totals += await SearchOnceAsync(services, request);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        double Percentile(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        var articles = await db.Articles.CountAsync();
        return string.Create(CultureInfo.InvariantCulture,
            $"Searched {count} queries over {articles} articles (mean {totals / (double)count:F0} results each): p50 {Percentile(0.50):F1} ms, p95 {Percentile(0.95):F1} ms, p99 {Percentile(0.99):F1} ms, max {times[^1]:F1} ms.");
    }

    private static async Task<int> SearchOnceAsync(IServiceProvider root, SearchRequest request)
    {
        // One scope a search, as one request has.
        await using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var results = await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(request);
        return results.TotalFound;
    }
}
