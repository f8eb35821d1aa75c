using System.Net;

namespace Portal.Tests.Feeds;

/// <summary>A sitemap past its per-file limit (two URLs a file here, 50,000 in production) becomes an index.</summary>
public sealed class SitemapIndexTests(SplitSitemapPortalFixture portal) : IClassFixture<SplitSitemapPortalFixture>
{
    private const string Origin = "http://localhost";

    [Fact]
    public async Task Sitemap_PastThePerFileLimit_IsAnIndexOfFilesThatTogetherListEveryUrlOnce()
    {
        var expected = await portal.ExpectedSitemapAsync(Origin);

        var (response, index) = await portal.Factory.GetXmlAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SitemapTests.Sitemaps + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(SitemapTests.Sitemaps + "sitemap").Select(s => (string)s.Element(SitemapTests.Sitemaps + "loc")!).ToList();
        var fileCount = (expected.Count + 1) / 2;
        Assert.Equal(Enumerable.Range(1, fileCount).Select(n => $"{Origin}/sitemap-{n}.xml"), files);

        var listed = new List<string>();
        foreach (var file in files)
        {
            var (fileResponse, xml) = await portal.Factory.GetXmlAsync(new Uri(file).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, fileResponse.StatusCode);
            Assert.Equal(SitemapTests.Sitemaps + "urlset", xml.Root!.Name);
            var urls = SitemapTests.Urls(xml);
            Assert.InRange(urls.Count, 1, 2);
            Assert.All(urls, u => Assert.NotNull(u.LastMod));
            listed.AddRange(urls.Select(u => u.Loc));
        }

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/sitemap-0.xml")]
    [InlineData("/sitemap-17.xml")]
    public async Task SitemapFile_OutsideTheIndex_Is404(string url)
    {
        // 32 URLs, two a file: /sitemap-1.xml to /sitemap-16.xml.
        Assert.Equal(32, (await portal.ExpectedSitemapAsync(Origin)).Count);

        var (response, _) = await portal.Factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
