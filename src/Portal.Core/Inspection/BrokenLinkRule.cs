using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Media;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Core.Inspection;

/// <summary>
/// <c>broken-link</c>: links and images readers can follow (visible article bodies and single
/// pages, read from their Markdown; footer links; home-page links; 链接 sections) that lead to an
/// article that is missing or not visible, a section path that does not exist, a missing media
/// file, or an external address the <see cref="LinkChecker"/> found broken. One warning per source
/// that lists its broken targets. Reads only, except the link checker's stored results.
/// </summary>
public sealed class BrokenLinkRule(PortalDbContext db, MediaFolder media, LinkChecker links, TimeProvider time, IOptions<SiteOptions> site)
{
    public const string Rule = "broken-link";

    /// <summary>
    /// The first segments of the site's own addresses that are not sections (pages, feeds, files);
    /// a path under one of them is not looked up in the section tree.
    /// </summary>
    private static readonly HashSet<string> FixedRoutes = new(StringComparer.OrdinalIgnoreCase)
    {
        "search", "sitemap", "contact", "font-size", "preview", "error", "health", "admin", "lib", "css", "js", "images",
    };

    /// <summary>
    /// The findings now. With <paramref name="checkExternal"/> external addresses are asked over
    /// the network (results younger than the cache time are reused); without it only stored
    /// results count, and an address never checked is not reported.
    /// </summary>
    public async Task<IReadOnlyList<Finding>> FindAsync(bool checkExternal, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var tree = await SectionTree.LoadAsync(db, cancellationToken);
        var sources = await SourcesAsync(tree, now, cancellationToken);
        var targets = sources.SelectMany(s => s.Targets).Distinct(StringComparer.Ordinal).ToList();

        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var external = new List<string>();
        var articleKeys = new List<string>();
        var mediaPaths = new List<string>();
        foreach (var target in targets)
        {
            switch (Classify(target))
            {
                case (TargetKind.External, _):
                    external.Add(target);
                    break;
                case (TargetKind.Article, var key):
                    articleKeys.Add(key);
                    break;
                case (TargetKind.Media, var path):
                    mediaPaths.Add(path);
                    break;
                case (TargetKind.Section, var path) when tree.FindByPath(path) is null:
                    problems[target] = "栏目不存在";
                    break;
            }
        }

        await ArticleProblemsAsync(targets, articleKeys, now, problems, cancellationToken);
        await MediaProblemsAsync(targets, mediaPaths, problems, cancellationToken);
        var checks = checkExternal ? await links.CheckAsync(external, cancellationToken) : await links.CachedAsync(external, cancellationToken);
        foreach (var (url, check) in checks.Where(c => !c.Value.Ok))
        {
            problems[url] = check.Problem ?? "无法访问";
        }

        return sources
            .Select(s => (Source: s, Broken: s.Targets.Where(problems.ContainsKey).Distinct(StringComparer.Ordinal).ToList()))
            .Where(s => s.Broken.Count > 0)
            .Select(s => new Finding(Rule, InspectionLevel.Warning, s.Source.Subject,
                string.Create(CultureInfo.InvariantCulture, $"{s.Source.Where}有 {s.Broken.Count} 个失效链接：{string.Join("；", s.Broken.Select(t => $"{t}（{problems[t]}）"))}。读者点击后打不开，请改正或删除。"),
                s.Source.EditUrl))
            .ToList();
    }

    private sealed record Source(string Subject, string Where, string EditUrl, IReadOnlyList<string> Targets);

    private enum TargetKind
    {
        None,
        External,
        Article,
        Media,
        Section,
    }

    private async Task<List<Source>> SourcesAsync(SectionTree tree, DateTime now, CancellationToken cancellationToken)
    {
        var sources = new List<Source>();
        var bodies = db.Articles.AsNoTracking().VisibleAt(now).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.SectionId, a.BodyMarkdown }).AsAsyncEnumerable();
        await foreach (var article in bodies.WithCancellation(cancellationToken))
        {
            IReadOnlyList<string> targets;
            try
            {
                targets = MarkdownRenderer.Targets(article.BodyMarkdown);
            }
            catch (MarkdownTooDeepException)
            {
                // Refused by the editor and the importer; a body that still nests too deep is not
                // rendered either, so it has no links readers could follow.
                continue;
            }

            var where = tree.Find(article.SectionId) is { Kind: SectionKind.Page } page ? $"单页栏目“{page.Name}”的页面" : $"文章“{article.Title}”的正文中";
            sources.Add(new Source(article.Title, where, "/admin/articles/edit/" + article.Id.ToString(CultureInfo.InvariantCulture), targets));
        }

        var footer = await db.FooterLinks.AsNoTracking().Where(l => l.Url != null).OrderBy(l => l.Id).Select(l => new { l.Text, l.Url }).ToListAsync(cancellationToken);
        sources.AddRange(footer.Select(l => new Source(l.Text, $"页脚链接“{l.Text}”", "/admin/footerlinks", [l.Url!.Trim()])));

        var home = await db.HomeBlockLinks.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.Label, l.Url }).ToListAsync(cancellationToken);
        sources.AddRange(home.Select(l => new Source(l.Label, $"首页链接“{l.Label}”", "/admin/home", [l.Url.Trim()])));

        sources.AddRange(tree.Roots.SelectMany(SectionTree.SelfAndDescendants)
            .Where(n => n.Kind == SectionKind.Link && !string.IsNullOrWhiteSpace(n.LinkUrl))
            .Select(n => new Source(n.Name, $"链接栏目“{n.Name}”", "/admin/sections/edit/" + n.Id.ToString(CultureInfo.InvariantCulture), [n.LinkUrl!.Trim()])));
        return sources;
    }

    /// <summary>What a target is: an external address, or one of the site's own articles, media files or sections (with the key or path to look up).</summary>
    private (TargetKind Kind, string Value) Classify(string target)
    {
        string path;
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && target.Contains("://", StringComparison.Ordinal))
        {
            if (absolute.Scheme != Uri.UriSchemeHttp && absolute.Scheme != Uri.UriSchemeHttps)
            {
                return (TargetKind.None, "");
            }

            if (!IsOwnHost(absolute))
            {
                return target.Length <= FieldLengths.Url ? (TargetKind.External, target) : (TargetKind.None, "");
            }

            path = absolute.AbsolutePath;
        }
        else if (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal))
        {
            path = target.Split('?', '#')[0];
        }
        else
        {
            // mailto:, tel:, a fragment, a relative or protocol-relative address: nothing to look up.
            return (TargetKind.None, "");
        }

        path = Uri.UnescapeDataString(path).Trim('/');
        var segments = path.Split('/');
        if (path.Length == 0)
        {
            return (TargetKind.None, "");
        }

        if (segments.Length == 2 && segments[0].Equals("articles", StringComparison.OrdinalIgnoreCase))
        {
            return (TargetKind.Article, segments[1]);
        }

        if (segments[0].Equals("media", StringComparison.OrdinalIgnoreCase))
        {
            return (TargetKind.Media, "/" + path);
        }

        // Files (robots.txt, a feed, a stylesheet) and the site's fixed pages are not sections.
        return FixedRoutes.Contains(segments[0]) || segments[^1].Contains('.', StringComparison.Ordinal)
            ? (TargetKind.None, "")
            : (TargetKind.Section, path);
    }

    private bool IsOwnHost(Uri address) =>
        site.Value.BaseUrl is { Length: > 0 } baseUrl && Uri.TryCreate(baseUrl, UriKind.Absolute, out var own)
        && string.Equals(own.Host, address.Host, StringComparison.OrdinalIgnoreCase);

    private async Task ArticleProblemsAsync(List<string> targets, List<string> keys, DateTime now, Dictionary<string, string> problems, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var unique = keys.Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.Articles.AsNoTracking().Where(a => unique.Contains(a.UrlKey)).Select(a => a.UrlKey).ToListAsync(cancellationToken);
        var visible = await db.Articles.AsNoTracking().VisibleAt(now).Where(a => unique.Contains(a.UrlKey)).Select(a => a.UrlKey).ToListAsync(cancellationToken);
        foreach (var target in targets)
        {
            if (Classify(target) is (TargetKind.Article, var key) && !visible.Contains(key, StringComparer.Ordinal))
            {
                problems[target] = existing.Contains(key, StringComparer.Ordinal) ? "文章未发布、已删除或尚未到发布时间，读者看不到" : "文章不存在";
            }
        }
    }

    private async Task MediaProblemsAsync(List<string> targets, List<string> paths, Dictionary<string, string> problems, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            return;
        }

        // One lookup for every media address: the reading the editor and the uses share.
        var missing = await MediaReferences.FindMissingAsync(db, media, string.Join('\n', paths.Distinct(StringComparer.Ordinal)), cancellationToken);
        foreach (var target in targets)
        {
            if (Classify(target) is (TargetKind.Media, var path) && missing.Any(m => path.StartsWith(m, StringComparison.Ordinal)))
            {
                problems[target] = "媒体文件不存在";
            }
        }
    }
}
