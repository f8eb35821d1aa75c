using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>
/// Results are written with Html.Raw (the highlighter's encoded text with &lt;mark&gt;): an
/// article whose title and body carry every payload must come back as text, marked, never as markup.
/// </summary>
public sealed class SearchXssTests : IDisposable
{
    private readonly PortalFactory _factory = PortalFactory.Empty();

    [Fact]
    public async Task HostileArticleText_InResults_IsShownAsTextWithOnlyMarks()
    {
        var payloads = XssAssert.Payloads.Take(20).ToList();
        await _factory.WithScopeAsync(async services =>
        {
            var renderer = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Portal.Core.Articles.MarkdownRenderer>(services);
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Portal.Core.Data.PortalDbContext>(services);
            var section = TestContent.Section("测试", "测试", "ceshi");
            for (var i = 0; i < payloads.Count; i++)
            {
                var article = TestContent.Article("xss" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "坎儿井" + payloads[i], section, TestContent.Epoch);
                article.BodyMarkdown = "坎儿井 " + payloads[i] + " 坎儿井&lt;b&gt;";
                article.BodyHtml = renderer.Render(article.BodyMarkdown);
                article.Summary = payloads[i];
                db.Articles.Add(article);
            }

            return await db.SaveChangesAsync();
        });
        await SearchProbe.CaughtUpAsync(_factory);

        foreach (var query in new[] { "坎儿井", "script", "alert", "onerror", "javascript" })
        {
            var (_, page) = await _factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
            XssAssert.NoActiveContent(page);
            var results = page.QuerySelectorAll(".search-results li");
            Assert.All(results.SelectMany(r => r.QuerySelectorAll("h2 a *, .search-fragment *")), e => Assert.Equal("MARK", e.TagName));
            if (query == "坎儿井")
            {
                Assert.Equal(payloads.Count, results.Length);
                Assert.Contains(results, r => r.QuerySelector("h2 a")!.TextContent.Contains("<script>", StringComparison.Ordinal));
            }
        }
    }

    public void Dispose() => _factory.Dispose();
}
