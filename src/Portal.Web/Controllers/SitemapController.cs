using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Web.Hosting;

namespace Portal.Web.Controllers;

/// <summary>
/// The files search engines read: <c>/sitemap.xml</c> (the sitemap protocol: the home page, every
/// section, every visible article, each with its last change) and <c>/robots.txt</c>, which
/// names it. Past <see cref="SiteOptions.SitemapUrlsPerFile"/> URLs, <c>/sitemap.xml</c> is an
/// index of <c>/sitemap-1.xml</c>, <c>/sitemap-2.xml</c>…
/// </summary>
public sealed class SitemapController(SiteContext site, ArticleQueries articles, SiteAddress address, IOptions<SiteOptions> options) : Controller
{
    /// <summary>The sitemap protocol's namespace (https://www.sitemaps.org/protocol.html).</summary>
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private const string SitemapPath = "/sitemap.xml";

    [AcceptVerbs("GET", "HEAD", Route = "/robots.txt")]
    public ContentResult Robots() => Content(
        $"User-agent: *\nDisallow: /admin\n\nSitemap: {address.Absolute(Request, SitemapPath)}\n",
        "text/plain; charset=utf-8");

    [AcceptVerbs("GET", "HEAD", Route = SitemapPath)]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(cancellationToken);
        if (plan.FileCount <= 1)
        {
            await WriteUrlSetAsync(plan, 1, cancellationToken);
            return new EmptyResult();
        }

        await WriteXmlAsync("sitemapindex", async writer =>
        {
            for (var number = 1; number <= plan.FileCount; number++)
            {
                await writer.WriteStartElementAsync(null, "sitemap", Namespace);
                await writer.WriteElementStringAsync(null, "loc", Namespace, address.Absolute(Request, FilePath(number)));
                await writer.WriteEndElementAsync();
            }
        });
        return new EmptyResult();
    }

    /// <summary>One file of a sitemap split by an index; there are none while one file holds everything.</summary>
    [AcceptVerbs("GET", "HEAD", Route = "/sitemap-{number:int}.xml")]
    public async Task<IActionResult> SitemapFile(int number, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(cancellationToken);
        if (plan.FileCount <= 1 || number < 1 || number > plan.FileCount)
        {
            return NotFound();
        }

        await WriteUrlSetAsync(plan, number, cancellationToken);
        return new EmptyResult();
    }

    private static string FilePath(int number) => $"/sitemap-{number.ToString(CultureInfo.InvariantCulture)}.xml";

    /// <summary>
    /// The URLs in the order the files share them: the home page, the sections depth first in
    /// menu order (both from memory), then the articles in id order (streamed from the store).
    /// </summary>
    private async Task<SitemapPlan> PlanAsync(CancellationToken cancellationToken)
    {
        var tree = await site.GetSectionsAsync(cancellationToken);
        var newestPerSection = await articles.LastModifiedPerSectionAsync(cancellationToken);
        var pages = new List<(string Path, DateTime? LastModified)>();
        // Sections hidden while empty are left out, and 链接 sections: their address only redirects.
        foreach (var section in tree.Shown().Where(s => s.Kind != SectionKind.Link))
        {
            // A section's page lists its sub-sections' articles too: it changes when they do.
            var dates = SectionTree.SelfAndDescendantIds(section)
                .Select(id => newestPerSection.TryGetValue(id, out var newest) ? newest : DateTime.MinValue)
                .Append(section.UpdatedAt);
            pages.Add((SectionsController.PathOf(section), dates.Max()));
        }

        // The home page shows the newest of every menu section: it changes when anything does.
        DateTime? home = pages.Count == 0 ? null : pages.Max(p => p.LastModified);
        pages.Insert(0, ("/", home));

        var articleCount = await articles.CountVisibleAsync(cancellationToken);
        return new SitemapPlan(pages, articleCount, options.Value.SitemapUrlsPerFile);
    }

    private Task WriteUrlSetAsync(SitemapPlan plan, int number, CancellationToken cancellationToken) =>
        WriteXmlAsync("urlset", async writer =>
        {
            var start = (number - 1) * plan.PerFile;
            var end = start + plan.PerFile;
            for (var i = start; i < Math.Min(end, plan.Pages.Count); i++)
            {
                await WriteUrlAsync(writer, plan.Pages[i].Path, plan.Pages[i].LastModified);
            }

            var skip = Math.Max(0, start - plan.Pages.Count);
            var take = end - Math.Max(start, plan.Pages.Count);
            if (take > 0)
            {
                await foreach (var article in articles.DatesAsync(skip, take).WithCancellation(cancellationToken))
                {
                    await WriteUrlAsync(writer, ArticlesController.PathOf(article.UrlKey), article.LastModified);
                }
            }
        });

    private async Task WriteUrlAsync(XmlWriter writer, string path, DateTime? lastModified)
    {
        await writer.WriteStartElementAsync(null, "url", Namespace);
        await writer.WriteElementStringAsync(null, "loc", Namespace, address.Absolute(Request, path));
        if (lastModified is { } utc)
        {
            // W3C datetime, in UTC.
            await writer.WriteElementStringAsync(null, "lastmod", Namespace,
                DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        await writer.WriteEndElementAsync();
    }

    /// <summary>
    /// Writes an XML document straight to the response as it is made (UTF-8, no byte-order mark),
    /// so a sitemap of 50,000 articles is never held in memory.
    /// </summary>
    private async Task WriteXmlAsync(string root, Func<XmlWriter, Task> writeContent)
    {
        Response.ContentType = "application/xml; charset=utf-8";
        await using var writer = XmlWriter.Create(Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, root, Namespace);
        await writeContent(writer);
        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
    }

    /// <summary>What the sitemap holds: the pages known in memory, how many articles follow them, and how many URLs fit one file.</summary>
    private sealed record SitemapPlan(IReadOnlyList<(string Path, DateTime? LastModified)> Pages, int ArticleCount, int PerFile)
    {
        public int FileCount => (int)Math.Ceiling((Pages.Count + (double)ArticleCount) / PerFile);
    }
}
