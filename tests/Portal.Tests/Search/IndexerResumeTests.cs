using System.Net;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>
/// A server's index outlives the server: after a restart the indexer resumes from the position
/// its last commit recorded, and a deleted, corrupt or older-format index is rebuilt from the
/// store in the background while the site answers.
/// </summary>
public sealed class IndexerResumeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-search-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _store;

    public IndexerResumeTests()
    {
        // The store and the index live outside the factories' own data folders (which each
        // factory deletes when it is disposed), so one server after another finds them.
        System.IO.Directory.CreateDirectory(_folder);
        _store = TestDatabase.IsPostgreSql
            ? TestDatabase.PostgreSqlSettings()
            : new() { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(_folder, "portal.db")}" };
        _store["Search:IndexPath"] = IndexPath;
        _store["Search:PollMilliseconds"] = "100";
    }

    private string IndexPath => Path.Combine(_folder, "search");

    [Fact]
    public async Task Restart_ResumesFromTheLog_WithoutRebuilding()
    {
        int generation;
        using (var first = Server())
        {
            await SearchProbe.CaughtUpAsync(first);
            Assert.NotEmpty(await SearchProbe.KeysAsync(first, "吐鲁番"));
            generation = first.Services.GetRequiredService<SearchIndex>().Generation;
        }

        // While no server runs, an article is published (a change-log row is all that tells).
        using (var offline = Server(indexer: false))
        {
            await AddArticleAsync(offline, "resume1", "坎儿井博物馆免费开放");
        }

        using var second = Server();
        Assert.NotNull(await SearchProbe.UntilAsync(second, "坎儿井", keys => keys.Contains("resume1"), TimeSpan.FromSeconds(20)));
        Assert.Equal(generation, second.Services.GetRequiredService<SearchIndex>().Generation);
        Assert.Contains("吐鲁番", await TitleOfFirstAsync(second, "吐鲁番"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedIndexFolder_IsRebuiltFromTheStore_AndTheLogFollowedAfter()
    {
        using (var first = Server())
        {
            await SearchProbe.CaughtUpAsync(first);
            await AddArticleAsync(first, "rebuilt1", "葡萄沟晾房改造完成");
            Assert.NotNull(await SearchProbe.UntilAsync(first, "晾房", keys => keys.Contains("rebuilt1")));
        }

        System.IO.Directory.Delete(IndexPath, recursive: true);

        using var second = Server();
        var (home, _) = await second.GetDocumentAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.NotNull(await SearchProbe.UntilAsync(second, "晾房", keys => keys.Contains("rebuilt1"), TimeSpan.FromSeconds(20)));
        Assert.NotEmpty(await SearchProbe.KeysAsync(second, "吐鲁番"));

        await AddArticleAsync(second, "after1", "鄯善沙山公园夜景亮化");
        Assert.NotNull(await SearchProbe.UntilAsync(second, "沙山", keys => keys.Contains("after1")));
    }

    [Fact]
    public async Task CorruptIndex_IsRebuilt_WhileTheSiteAndTheSearchPageAnswer()
    {
        using (var first = Server())
        {
            await SearchProbe.CaughtUpAsync(first);
        }

        foreach (var file in System.IO.Directory.GetFiles(IndexPath))
        {
            if (!file.EndsWith("write.lock", StringComparison.Ordinal))
            {
                File.WriteAllBytes(file, [0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 3]);
            }
        }

        using var second = Server();
        Assert.Equal(HttpStatusCode.OK, (await second.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("吐鲁番"))).Response.StatusCode);
        Assert.NotNull(await SearchProbe.UntilAsync(second, "吐鲁番", keys => keys.Count == 1, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task IndexOfAnOlderFormat_IsRebuilt()
    {
        using (var first = Server())
        {
            await SearchProbe.CaughtUpAsync(first);
        }

        // Rewrite the last commit's data as an older version of the portal would have left it.
        using (var directory = FSDirectory.Open(new DirectoryInfo(IndexPath)))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, null) { OpenMode = OpenMode.APPEND }))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["format"] = "0", ["position"] = "0", ["generation"] = "7" });
            writer.Commit();
        }

        using var second = Server();
        await SearchProbe.CaughtUpAsync(second);
        var index = second.Services.GetRequiredService<SearchIndex>();
        Assert.Equal(1, index.Generation);
        Assert.NotEmpty(await SearchProbe.KeysAsync(second, "吐鲁番"));
    }

    [Fact]
    public async Task SecondServerOnTheSameIndexFolder_SearchesReadOnly_AndNothingFails()
    {
        using var first = Server();
        await SearchProbe.CaughtUpAsync(first);
        using var second = Server();
        var (response, page) = await second.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("吐鲁番"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(300);
        Assert.False(second.Services.GetRequiredService<SearchIndex>().IsWritable);
        Assert.NotEmpty(await SearchProbe.KeysAsync(second, "吐鲁番"));
        Assert.NotNull(page.QuerySelector(".search-page"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a host shutting down: the OS cleans temp later.
        }
    }

    private PortalFactory Server(bool indexer = true)
    {
        var settings = new Dictionary<string, string?>(_store) { ["Search:IndexerEnabled"] = indexer ? "true" : "false" };
        var factory = new PortalFactory(settings);
        _ = factory.Services;
        return factory;
    }

    private static Task<int> AddArticleAsync(PortalFactory factory, string key, string title) => factory.WithDbAsync(async db =>
    {
        var section = await db.Sections.OrderBy(s => s.Id).FirstAsync();
        db.Articles.Add(TestContent.Article(key, title, section, TestContent.Epoch));
        return await db.SaveChangesAsync();
    });

    private static async Task<string> TitleOfFirstAsync(PortalFactory factory, string query) =>
        (await SearchProbe.SearchAsync(factory, new SearchRequest(query))).Hits.Items[0].Title;
}
