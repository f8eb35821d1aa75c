using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Core.Home;

/// <summary>
/// Builds the reader's home page from its blocks (<see cref="HomeBlock"/>, or the default layout
/// while there are none). At most one query per block type, whatever the number of blocks: the
/// rows with their links, the headline, the picture news, and every 栏目 block's articles together
/// (<see cref="ArticleQueries.LatestPerSectionAsync"/>). The section tree comes from
/// <see cref="SiteContext"/>, which the menu has loaded for the request already.
/// Each query carries a tag (<c>TagWith</c>) naming its block type, for the logs and the query-count test.
/// </summary>
public sealed class HomePageBuilder(PortalDbContext db, SiteContext site, ArticleQueries articles, TimeProvider time)
{
    /// <summary>The tag of the block rows' query.</summary>
    public const string BlocksTag = "home:blocks";

    /// <summary>The tag of the 头条 query.</summary>
    public const string HeadlineTag = "home:headline";

    /// <summary>The tag of the 图片新闻 query.</summary>
    public const string PictureNewsTag = "home:picture-news";

    public async Task<HomePage> BuildAsync(CancellationToken cancellationToken = default)
    {
        var sections = await site.GetSectionsAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await LoadRowsAsync(cancellationToken);
        if (rows.Count == 0)
        {
            rows = HomeBlockRules.DefaultLayout(sections, now).Select(b => new BlockRow(b.Kind, b.Title, b.SectionId, b.Count, [])).ToList();
        }

        var headline = rows.Any(r => r.Kind == HomeBlockKind.Headline) ? await HeadlineAsync(now, sections.UnlistedIds(), cancellationToken) : null;

        var pictureCount = rows.Where(r => r.Kind == HomeBlockKind.PictureNews).Select(r => HomeBlockRules.CountOf(r.Kind, r.Count)).DefaultIfEmpty(0).Max();
        var pictures = pictureCount > 0 ? await PictureNewsAsync(now, pictureCount, cancellationToken) : [];

        // Every 栏目 block's section and the sections below it, in one top-N-per-section query.
        var sectionBlocks = rows.Where(r => r.Kind == HomeBlockKind.Section)
            .Select(r => (Row: r, Node: HomeBlockRules.ShownSection(sections, r.SectionId)))
            .Where(b => b.Node is not null)
            .Select(b => (b.Row, Node: b.Node!, Ids: SectionTree.ListedIds(b.Node!)))
            .ToList();
        var latest = sectionBlocks.Count > 0
            ? await articles.LatestPerSectionAsync(
                sectionBlocks.SelectMany(b => b.Ids).Distinct().ToList(),
                sectionBlocks.Max(b => HomeBlockRules.CountOf(HomeBlockKind.Section, b.Row.Count)),
                cancellationToken)
            : Enumerable.Empty<ArticleListItem>().ToLookup(a => a.SectionId);

        var blocks = new List<HomePageBlock>();
        foreach (var row in rows)
        {
            var heading = string.IsNullOrWhiteSpace(row.Title) ? null : row.Title.Trim();
            switch (row.Kind)
            {
                case HomeBlockKind.Headline when headline is not null:
                    blocks.Add(new HomePageBlock { Kind = row.Kind, Heading = heading ?? HomeBlockRules.NameOf(row.Kind), Articles = [headline] });
                    break;
                case HomeBlockKind.PictureNews when pictures.Count > 0:
                    blocks.Add(new HomePageBlock
                    {
                        Kind = row.Kind,
                        Heading = heading ?? HomeBlockRules.NameOf(row.Kind),
                        Articles = pictures.Take(HomeBlockRules.CountOf(row.Kind, row.Count)).ToList(),
                    });
                    break;
                case HomeBlockKind.Section:
                    var block = sectionBlocks.FirstOrDefault(b => ReferenceEquals(b.Row, row));
                    if (block.Node is null)
                    {
                        break;
                    }

                    var items = block.Ids.SelectMany(id => latest[id])
                        .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                        .Take(HomeBlockRules.CountOf(row.Kind, row.Count))
                        .Select(a => new HomeArticle(a.Id, a.UrlKey, a.Title, a.PublishedAt))
                        .ToList();
                    if (items.Count > 0)
                    {
                        blocks.Add(new HomePageBlock { Kind = row.Kind, Heading = heading ?? block.Node.Name, Section = block.Node, Articles = items });
                    }

                    break;
                case HomeBlockKind.Topics or HomeBlockKind.QuickLinks when row.Links.Count > 0:
                    blocks.Add(new HomePageBlock { Kind = row.Kind, Heading = heading ?? HomeBlockRules.NameOf(row.Kind), Links = row.Links });
                    break;
            }
        }

        return new HomePage(blocks);
    }

    private async Task<List<BlockRow>> LoadRowsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.HomeBlocks.AsNoTracking().TagWith(BlocksTag)
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Id)
            .Select(b => new
            {
                b.Kind,
                b.Title,
                b.SectionId,
                b.Count,
                Links = b.Links.OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
                    .Select(l => new
                    {
                        l.Label,
                        l.Url,
                        l.AltText,
                        Image = db.MediaFiles.Where(m => m.Id == l.ImageId).Select(m => m.ListVariantName ?? m.StoredName).FirstOrDefault(),
                    })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new BlockRow(
                r.Kind,
                r.Title,
                r.SectionId,
                r.Count,
                r.Links
                    // Stored addresses passed the rule when saved; one from a restored archive is checked again.
                    .Where(l => LinkUrl.IsSafe(l.Url))
                    // A 专题 link shows its image only with its text alternative; without one it is a plain labelled link.
                    .Select(l => l.Image is not null && !string.IsNullOrWhiteSpace(l.AltText)
                        ? new HomePageLink(l.Label, l.Url, l.Image, l.AltText)
                        : new HomePageLink(l.Label, l.Url, null, null))
                    .ToList()))
            .ToList();
    }

    /// <summary>The newest visible article marked 头条, or the newest visible article when none is (never a 单页 page).</summary>
    private Task<HomeArticle?> HeadlineAsync(DateTime now, IReadOnlyList<int> unlisted, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().VisibleAt(now).TagWith(HeadlineTag)
            .Where(a => !unlisted.Contains(a.SectionId))
            .OrderByDescending(a => a.IsHeadline).ThenByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new HomeArticle(
                a.Id,
                a.UrlKey,
                a.Title,
                a.PublishedAt,
                a.Summary,
                db.MediaFiles.Where(m => m.Id == a.CoverImageId).Select(m => m.StoredName).FirstOrDefault(),
                db.MediaFiles.Where(m => m.Id == a.CoverImageId).Select(m => m.AltText).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The newest visible articles marked 图片新闻 whose cover image has a text alternative.</summary>
    private async Task<List<HomeArticle>> PictureNewsAsync(DateTime now, int count, CancellationToken cancellationToken) =>
        await db.Articles.AsNoTracking().VisibleAt(now).TagWith(PictureNewsTag)
            .Where(a => a.IsPictureNews && db.MediaFiles.Any(m => m.Id == a.CoverImageId && m.AltText != null && m.AltText != ""))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(count)
            .Select(a => new HomeArticle(
                a.Id,
                a.UrlKey,
                a.Title,
                a.PublishedAt,
                null,
                db.MediaFiles.Where(m => m.Id == a.CoverImageId).Select(m => m.ListVariantName ?? m.StoredName).FirstOrDefault(),
                db.MediaFiles.Where(m => m.Id == a.CoverImageId).Select(m => m.AltText).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    private sealed record BlockRow(HomeBlockKind Kind, string? Title, int? SectionId, int Count, IReadOnlyList<HomePageLink> Links);
}
