using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Home;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Core.Inspection;

/// <summary>
/// Runs the inspection rules (docs/inspection.md) over the store as readers see it now and
/// answers what an inspector would hold against the site, worst first. Reads only.
/// </summary>
public sealed partial class SiteInspector(PortalDbContext db, TimeProvider time, SiteClock clock, IOptions<InspectionOptions> options, IOptions<SiteOptions> site)
{
    private const string SettingsUrl = "/admin/settings";

    private InspectionOptions Options => options.Value;

    /// <summary>Every rule's findings, vetoes first.</summary>
    public async Task<IReadOnlyList<Finding>> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var tree = await SectionTree.LoadAsync(db, cancellationToken);

        // One query: for each section with visible articles, its newest publish time.
        var newestOwn = await db.Articles.AsNoTracking().VisibleAt(now)
            .GroupBy(a => a.SectionId)
            .Select(g => new { SectionId = g.Key, Newest = g.Max(a => a.PublishedAt) })
            .ToDictionaryAsync(r => r.SectionId, r => r.Newest, cancellationToken);
        DateTime? NewestOf(SectionNode node) => SectionTree.ListedIds(node)
            .Select(id => newestOwn.TryGetValue(id, out var at) ? at : (DateTime?)null)
            .Max();

        var findings = new List<Finding>();
        findings.AddRange(await HomeStaleAsync(tree, newestOwn, NewestOf, now, cancellationToken));
        findings.AddRange(SectionRules(tree, NewestOf, now));
        findings.AddRange(await IdentityMissingAsync(cancellationToken));
        findings.AddRange(await LinkRulesAsync(now, cancellationToken));
        findings.AddRange(await PublishDateEditedAsync(cancellationToken));
        return findings.OrderBy(f => f.Level).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// <c>home-stale</c>: the newest item the home page shows. Without an arrangement, or with a
    /// 头条 block, the home page shows the newest visible article of the site; otherwise the newest
    /// of its 栏目 blocks' sections (and the sections below them).
    /// </summary>
    private async Task<IEnumerable<Finding>> HomeStaleAsync(
        SectionTree tree, Dictionary<int, DateTime> newestOwn, Func<SectionNode, DateTime?> newestOf, DateTime now, CancellationToken cancellationToken)
    {
        var blocks = await db.HomeBlocks.AsNoTracking().Select(b => new { b.Kind, b.SectionId }).ToListAsync(cancellationToken);
        DateTime? newest;
        if (blocks.Count == 0 || blocks.Any(b => b.Kind == HomeBlockKind.Headline))
        {
            var listed = newestOwn.Where(n => tree.Find(n.Key) is not { } node || SectionTree.IsListed(node)).Select(n => n.Value).ToList();
            newest = listed.Count == 0 ? null : listed.Max();
        }
        else
        {
            var shown = blocks.Where(b => b.Kind == HomeBlockKind.Section && b.SectionId is not null)
                .Select(b => tree.Find(b.SectionId!.Value)).OfType<SectionNode>().Select(newestOf).Max();
            var pictures = blocks.Any(b => b.Kind == HomeBlockKind.PictureNews)
                ? await db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.IsPictureNews).MaxAsync(a => (DateTime?)a.PublishedAt, cancellationToken)
                : null;
            newest = new[] { shown, pictures }.Max();
        }

        if (newest is null)
        {
            return [new Finding("home-stale", InspectionLevel.Veto, "首页", "首页没有任何已发布的信息。首页两周无更新即单项否决，请尽快发布信息。", "/admin/articles/create")];
        }

        var age = (now - newest.Value).TotalDays;
        return age > Options.HomeStaleDays
            ? [new Finding("home-stale", InspectionLevel.Veto, "首页",
                string.Create(CultureInfo.InvariantCulture, $"首页最新信息发布于 {DayOf(newest.Value)}，已 {(int)age} 天未更新（超过 {Options.HomeStaleDays} 天即单项否决）。请发布新信息。"),
                "/admin/articles/create")]
            : [];
    }

    /// <summary><c>section-empty</c> and <c>section-stale</c>: list sections as readers find them.</summary>
    private List<Finding> SectionRules(SectionTree tree, Func<SectionNode, DateTime?> newestOf, DateTime now)
    {
        var empty = new List<SectionNode>();
        var stale = new List<(SectionNode Node, DateTime Newest, int Limit)>();
        var emptyPages = new List<SectionNode>();
        foreach (var node in tree.Roots.SelectMany(SectionTree.SelfAndDescendants))
        {
            var newest = newestOf(node);
            switch (node.Kind)
            {
                case SectionKind.List or SectionKind.Interaction when newest is null && !node.HideWhenEmpty:
                    empty.Add(node);
                    break;
                case SectionKind.List or SectionKind.Interaction when newest is { } at && StaleLimit(node.UpdateClass) is { } limit && (now - at).TotalDays > limit:
                    stale.Add((node, at, limit));
                    break;
                case SectionKind.Page when newest is null:
                    emptyPages.Add(node);
                    break;
            }
        }

        var findings = new List<Finding>();
        var emptyLevel = empty.Count >= Options.EmptySectionsVeto ? InspectionLevel.Veto : InspectionLevel.Warning;
        findings.AddRange(empty.Select(node => new Finding("section-empty", emptyLevel, node.Name,
            string.Create(CultureInfo.InvariantCulture, $"栏目“{node.Name}”（/{node.Path}）没有任何已发布的文章，读者看到的是空白栏目；共 {empty.Count} 个空白栏目（{Options.EmptySectionsVeto} 个及以上即单项否决）。请发布内容，或将栏目设为“无内容时不显示”、改为其他类型或删除。"),
            EditUrl(node))));
        findings.AddRange(emptyPages.Select(node => new Finding("section-empty", InspectionLevel.Warning, node.Name,
            $"单页栏目“{node.Name}”（/{node.Path}）还没有已发布的页面内容，读者打开时找不到页面。", EditUrl(node))));

        var staleNews = stale.Count(s => s.Node.UpdateClass == SectionUpdateClass.News);
        var staleLevel = staleNews >= Options.StaleNewsSectionsVeto || stale.Count >= Options.StaleSectionsVeto ? InspectionLevel.Veto : InspectionLevel.Warning;
        findings.AddRange(stale.Select(s => new Finding("section-stale", staleLevel, s.Node.Name,
            string.Create(CultureInfo.InvariantCulture, $"栏目“{s.Node.Name}”（{SectionUpdateClassName(s.Node.UpdateClass)}）最新文章发布于 {DayOf(s.Newest)}，超过 {s.Limit} 天未更新；共 {stale.Count} 个栏目未按时更新，其中动态/要闻类 {staleNews} 个（动态/要闻类 {Options.StaleNewsSectionsVeto} 个或合计 {Options.StaleSectionsVeto} 个及以上即单项否决）。"),
            EditUrl(s.Node))));
        return findings;
    }

    private int? StaleLimit(SectionUpdateClass updateClass) => updateClass switch
    {
        SectionUpdateClass.News => Options.NewsStaleDays,
        SectionUpdateClass.Notice or SectionUpdateClass.Policy => Options.NoticeStaleDays,
        _ => null,
    };

    private static string SectionUpdateClassName(SectionUpdateClass updateClass) => updateClass switch
    {
        SectionUpdateClass.News => "动态/要闻",
        SectionUpdateClass.Notice => "通知公告",
        SectionUpdateClass.Policy => "政策文件",
        _ => "其他",
    };

    private static string EditUrl(SectionNode node) => SectionUrl(node.Id);

    private static string SectionUrl(int id) => "/admin/sections/edit/" + id.ToString(CultureInfo.InvariantCulture);

    private static string ArticleUrl(int id) => "/admin/articles/edit/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>identity-missing</c>: each footer identity item inspectors look for.</summary>
    private async Task<IEnumerable<Finding>> IdentityMissingAsync(CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        var missing = new List<(string Item, string Url)>();
        void Check(bool present, string item, string url = SettingsUrl)
        {
            if (!present)
            {
                missing.Add((item, url));
            }
        }

        Check(!string.IsNullOrWhiteSpace(settings?.SiteCode), "网站标识码");
        Check(!string.IsNullOrWhiteSpace(settings?.Sponsor), "主办单位");
        Check(!string.IsNullOrWhiteSpace(settings?.IcpNumber), "ICP备案号");
        Check(!string.IsNullOrWhiteSpace(settings?.PublicSecurityNumber), "公安机关备案号");
        Check(!string.IsNullOrWhiteSpace(settings?.Phone) || !string.IsNullOrWhiteSpace(settings?.Email), "联系电话或电子邮箱");
        Check(!string.IsNullOrWhiteSpace(settings?.GovBadgeUrl), "党政机关网站标识");
        var findings = missing.Select(m => new Finding("identity-missing", InspectionLevel.Warning, m.Item,
            $"页脚缺少{m.Item}，检查时按网站标识缺失扣分。请在网站设置中填写。", m.Url)).ToList();
        if (string.IsNullOrWhiteSpace(site.Value.BaseUrl))
        {
            findings.Add(new Finding("identity-missing", InspectionLevel.Warning, "网站地址（Site:BaseUrl）",
                "未配置网站的正式地址（服务器设置 Site:BaseUrl），“我为政府网站找错”、订阅和站点地图中的链接会使用访问者请求中的地址。请由运维人员在服务器配置中设置。", SettingsUrl));
        }

        return findings;
    }

    /// <summary>
    /// <c>placeholder-link</c> (<c>#</c>, empty or <c>javascript:</c> targets readers can click) and
    /// <c>image-alt-missing</c> (images readers see without a text alternative), in visible bodies,
    /// footer links, home-page links and link sections.
    /// </summary>
    private async Task<IEnumerable<Finding>> LinkRulesAsync(DateTime now, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var bodies = db.Articles.AsNoTracking().VisibleAt(now).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.BodyHtml }).AsAsyncEnumerable();
        await foreach (var article in bodies.WithCancellation(cancellationToken))
        {
            var placeholders = Hrefs().Matches(article.BodyHtml).Select(m => m.Groups["url"].Value).Where(IsPlaceholder).Distinct().ToList();
            if (placeholders.Count > 0)
            {
                findings.Add(new Finding("placeholder-link", InspectionLevel.Warning, article.Title,
                    $"文章正文中有 {placeholders.Count} 个无效链接（{string.Join("、", placeholders.Select(Shown))}），读者点击后没有内容。请填写真实地址或删除链接。", ArticleUrl(article.Id)));
            }

            var withoutAlt = Images().Matches(article.BodyHtml).Count(m => !HasAlt(m.Value));
            if (withoutAlt > 0)
            {
                findings.Add(new Finding("image-alt-missing", InspectionLevel.Warning, article.Title,
                    string.Create(CultureInfo.InvariantCulture, $"文章正文中有 {withoutAlt} 张图片没有替代文字（alt），读屏软件无法朗读。请为图片填写说明。"), ArticleUrl(article.Id)));
            }
        }

        var footer = await db.FooterLinks.AsNoTracking().Where(l => l.Url != null).Select(l => new { l.Text, l.Url }).ToListAsync(cancellationToken);
        findings.AddRange(footer.Where(l => IsPlaceholder(l.Url!)).Select(l => new Finding("placeholder-link", InspectionLevel.Warning, l.Text,
            $"页脚链接“{l.Text}”的地址是 {Shown(l.Url!)}，读者点击后没有内容。", "/admin/footerlinks")));

        var homeLinks = await db.HomeBlockLinks.AsNoTracking().Select(l => new { l.Label, l.Url, l.ImageId, l.AltText }).ToListAsync(cancellationToken);
        findings.AddRange(homeLinks.Where(l => IsPlaceholder(l.Url)).Select(l => new Finding("placeholder-link", InspectionLevel.Warning, l.Label,
            $"首页链接“{l.Label}”的地址是 {Shown(l.Url)}，读者点击后没有内容。", "/admin/home")));
        findings.AddRange(homeLinks.Where(l => l.ImageId is not null && string.IsNullOrWhiteSpace(l.AltText)).Select(l => new Finding("image-alt-missing", InspectionLevel.Warning, l.Label,
            $"首页专题图片“{l.Label}”没有替代文字（alt）。", "/admin/home")));

        var linkSections = await db.Sections.AsNoTracking().Where(s => s.Kind == SectionKind.Link).Select(s => new { s.Id, s.Name, s.LinkUrl }).ToListAsync(cancellationToken);
        findings.AddRange(linkSections.Where(s => IsPlaceholder(s.LinkUrl ?? "")).Select(s => new Finding("placeholder-link", InspectionLevel.Warning, s.Name,
            $"链接栏目“{s.Name}”的地址是 {Shown(s.LinkUrl ?? "")}，读者点击菜单后没有内容。", SectionUrl(s.Id))));

        var pictures = await db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.IsPictureNews)
            .Select(a => new { a.Id, a.Title, Alt = db.MediaFiles.Where(m => m.Id == a.CoverImageId).Select(m => m.AltText).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        findings.AddRange(pictures.Where(p => string.IsNullOrWhiteSpace(p.Alt)).Select(p => new Finding("image-alt-missing", InspectionLevel.Warning, p.Title,
            "图片新闻的封面图片没有图片说明（替代文字），读屏软件无法朗读。请在媒体库中填写图片说明。", ArticleUrl(p.Id))));
        return findings;
    }

    // Staleness is counted in days, and imported articles often carry a date without a time: the
    // day in the site's time zone says all there is to say.
    private string DayOf(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "（" + clock.ZoneName + "）";

    /// <summary>A target that leads nowhere: empty, a bare fragment, or script.</summary>
    public static bool IsPlaceholder(string url)
    {
        var target = System.Net.WebUtility.HtmlDecode(url).Trim();
        return target.Length == 0 || target == "#" || target.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase);
    }

    private static string Shown(string url) => url.Trim().Length == 0 ? "空地址" : $"“{url.Trim()}”";

    private static bool HasAlt(string imageTag) => AltAttribute().Match(imageTag) is { Success: true } alt && alt.Groups["alt"].Value.Trim().Length > 0;

    /// <summary>
    /// <c>publish-date-edited</c>: the audit log's publish-date changes. The editorial cycle and the
    /// importer record one only when the date of a live article changed (a correction that moves
    /// it, a re-import that redates it); an article that is still published carries that date now.
    /// </summary>
    private async Task<IEnumerable<Finding>> PublishDateEditedAsync(CancellationToken cancellationToken)
    {
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ArticlePublishDateChange && e.TargetType == "article")
            .OrderBy(e => e.Id)
            .Select(e => new { e.TargetId, e.Details, e.At })
            .ToListAsync(cancellationToken);
        var ids = changes.Select(c => int.TryParse(c.TargetId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
        var published = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published && a.DeletedAt == null)
            .Select(a => new { a.Id, a.Title })
            .ToDictionaryAsync(a => a.Id.ToString(CultureInfo.InvariantCulture), a => (a.Id, a.Title), cancellationToken);
        return changes.Where(c => c.TargetId is not null && published.ContainsKey(c.TargetId))
            .GroupBy(c => c.TargetId!)
            .Select(g => new Finding("publish-date-edited", InspectionLevel.Warning, published[g.Key].Title,
                $"文章发布后修改过发布日期（{g.Last().Details}，{clock.Describe(g.Last().At)} 修改），检查时可能被视为篡改发布日期的严重错误。请确认日期属实，必要时在正文中说明。",
                ArticleUrl(published[g.Key].Id)));
    }

    [GeneratedRegex("""<a\b[^>]*?\bhref\s*=\s*"(?<url>[^"]*)"|<a\b[^>]*?\bhref\s*=\s*'(?<url>[^']*)'""", RegexOptions.IgnoreCase)]
    private static partial Regex Hrefs();

    [GeneratedRegex("""<img\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex Images();

    [GeneratedRegex("""\balt\s*=\s*(?:"(?<alt>[^"]*)"|'(?<alt>[^']*)')""", RegexOptions.IgnoreCase)]
    private static partial Regex AltAttribute();
}
