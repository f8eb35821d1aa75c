using System.Globalization;
using System.Net;
using System.Xml.Linq;

namespace Portal.Tests.Feeds;

/// <summary>/sitemap.xml and robots.txt against the content of the store.</summary>
public sealed class SitemapTests(FeedPortalFixture portal) : IClassFixture<FeedPortalFixture>
{
    private const string Origin = "http://localhost";

    internal static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Sitemap_Urls_AreExactlyTheHomePageSectionsAndVisibleArticles()
    {
        var expected = await portal.ExpectedSitemapAsync(Origin);

        var (response, xml) = await portal.Factory.GetXmlAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Sitemaps + "urlset", xml.Root!.Name);
        var locs = Urls(xml).Select(u => u.Loc).ToList();
        Assert.Equal(1 + 4 + 27, expected.Count);
        Assert.Equal(locs.Count, locs.Distinct().Count());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), locs.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(locs, loc => FeedPortalFixture.HiddenKeys.Any(key => loc.EndsWith("/" + key, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sitemap_EveryUrl_HasTheW3CDateOfItsLastChange()
    {
        var expected = await portal.ExpectedSitemapAsync(Origin);

        var (_, xml) = await portal.Factory.GetXmlAsync("/sitemap.xml");

        foreach (var (loc, lastmod) in Urls(xml))
        {
            Assert.NotNull(lastmod);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$", lastmod);
            var parsed = DateTimeOffset.Parse(lastmod, CultureInfo.InvariantCulture);
            Assert.True(expected[loc] == parsed.UtcDateTime, $"{loc}: lastmod {lastmod}, expected {expected[loc]:O}");
        }
    }

    [Fact]
    public async Task Sitemap_LastChanges_FollowUpdatesAndTheArticlesASectionPageLists()
    {
        var (_, xml) = await portal.Factory.GetXmlAsync("/sitemap.xml");
        var lastmods = Urls(xml).ToDictionary(u => u.Loc, u => DateTimeOffset.Parse(u.LastMod!, CultureInfo.InvariantCulture).UtcDateTime);

        // n03 was updated long after it was published: its date, its section's (新闻中心, not
        // 地方动态, which does not list it) and the home page's are that update.
        var update = Infrastructure.TestContent.Epoch.AddDays(200);
        Assert.Equal(update, lastmods[$"{Origin}/articles/{FeedPortalFixture.UpdatedKey}"]);
        Assert.Equal(update, lastmods[Origin + "/xinwen"]);
        Assert.Equal(update, lastmods[Origin + "/"]);
        Assert.NotEqual(update, lastmods[Origin + "/xinwen/difang"]);

        // 机构设置 has no articles: its own last change.
        Assert.Equal(Infrastructure.TestContent.Epoch.AddDays(50), lastmods[Origin + "/jigou"]);
    }

    [Fact]
    public async Task SitemapFile_WhileOneFileHoldsEverything_Is404()
    {
        var (response, _) = await portal.Factory.GetDocumentAsync("/sitemap-1.xml");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Robots_DisallowsTheAdminAreaAndNamesTheAbsoluteSitemap()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').Where(l => l.Length > 0).ToList();
        Assert.Equal(["User-agent: *", "Disallow: /admin", $"Sitemap: {Origin}/sitemap.xml"], lines);
        var sitemap = await client.GetAsync(new Uri(lines[2]["Sitemap: ".Length..]).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, sitemap.StatusCode);
    }

    internal static List<(string Loc, string? LastMod)> Urls(XDocument xml) =>
        xml.Root!.Elements(Sitemaps + "url")
            .Select(u => ((string)u.Element(Sitemaps + "loc")!, (string?)u.Element(Sitemaps + "lastmod")))
            .ToList();
}
