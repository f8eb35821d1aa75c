using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Data;

namespace Portal.Core.Sections;

/// <summary>A section as pages see it: its place in the tree and its public path.</summary>
public sealed class SectionNode
{
    public required int Id { get; init; }

    public required int? ParentId { get; init; }

    public required string Name { get; init; }

    public required string MenuLabel { get; init; }

    public required string Slug { get; init; }

    public required int SortOrder { get; init; }

    public required bool ShowInMenu { get; init; }

    /// <summary>栏目描述 (the ColumnDescription tag, the page's description, the section feed's description); null when not set.</summary>
    public string? Description { get; init; }

    /// <summary>栏目关键词, comma-separated (the ColumnKeywords tag); null when not set.</summary>
    public string? Keywords { get; init; }

    /// <summary>栏目类型.</summary>
    public SectionKind Kind { get; init; }

    /// <summary>The update class of a list section (inspection thresholds).</summary>
    public SectionUpdateClass UpdateClass { get; init; }

    /// <summary>无内容时不显示 (see <see cref="Section.HideWhenEmpty"/>).</summary>
    public bool HideWhenEmpty { get; init; }

    /// <summary>Where a 链接 section's menu entry leads; null for other kinds.</summary>
    public string? LinkUrl { get; init; }

    /// <summary>When the section itself last changed, in UTC (the sitemap's lastmod, with its articles' dates).</summary>
    public DateTime UpdatedAt { get; init; }

    /// <summary>The slugs from the top-level section down, joined by <c>/</c>, e.g. <c>xinwen/difang</c>.</summary>
    public string Path { get; internal set; } = "";

    /// <summary>
    /// Whether readers' menus, the home page and the site map leave the section out for now: it is
    /// set 无内容时不显示 and neither it nor a section below it has a visible article. Its address still answers.
    /// </summary>
    public bool HiddenWhileEmpty { get; internal set; }

    public SectionNode? Parent { get; internal set; }

    public List<SectionNode> Children { get; } = [];

    /// <summary>The top-level section this one belongs to (itself when it is top-level).</summary>
    public SectionNode Root => Parent?.Root ?? this;

    /// <summary>Where readers' links to the section lead: a 链接 section's address, otherwise its own page.</summary>
    public string Href => Kind == SectionKind.Link && Site.LinkUrl.IsSafe(LinkUrl) ? LinkUrl! : "/" + Path;
}

/// <summary>
/// The whole section tree, read in one query. Sections are few (tens, not thousands), so pages
/// resolve paths, menus, breadcrumbs and descendants in memory instead of with recursive SQL.
/// </summary>
public sealed class SectionTree
{
    private readonly Dictionary<int, SectionNode> _byId;
    private readonly Dictionary<string, SectionNode> _byPath;

    private SectionTree(List<SectionNode> nodes)
    {
        _byId = nodes.ToDictionary(n => n.Id);
        foreach (var node in nodes.OrderBy(n => n.SortOrder).ThenBy(n => n.Id))
        {
            if (node.ParentId is { } parentId && _byId.TryGetValue(parentId, out var parent))
            {
                node.Parent = parent;
                parent.Children.Add(node);
            }
        }

        Roots = nodes.Where(n => n.Parent is null).OrderBy(n => n.SortOrder).ThenBy(n => n.Id).ToList();
        foreach (var node in nodes)
        {
            node.Path = string.Join('/', Ancestry(node).Select(n => n.Slug));
        }

        // Slugs are stored lower-case, so a lower-cased request path finds its section.
        _byPath = nodes.ToDictionary(n => n.Path, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The top-level sections in menu order.</summary>
    public IReadOnlyList<SectionNode> Roots { get; }

    /// <summary>The top-level sections shown in the main menu, in order.</summary>
    public IEnumerable<SectionNode> Menu => Roots.Where(n => n.ShowInMenu && IsShown(n));

    /// <summary>Whether menus, the home page and the site map show the section (see <see cref="SectionNode.HiddenWhileEmpty"/>).</summary>
    public static bool IsShown(SectionNode node) => !node.HiddenWhileEmpty;

    /// <summary>Reads every section.</summary>
    public static async Task<SectionTree> LoadAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var nodes = await db.Sections.AsNoTracking()
            .Select(s => new SectionNode
            {
                Id = s.Id,
                ParentId = s.ParentId,
                Name = s.Name,
                MenuLabel = s.MenuLabel,
                Slug = s.Slug,
                SortOrder = s.SortOrder,
                ShowInMenu = s.ShowInMenu,
                Description = s.Description,
                Keywords = s.Keywords,
                Kind = s.Kind,
                UpdateClass = s.UpdateClass,
                HideWhenEmpty = s.HideWhenEmpty,
                LinkUrl = s.LinkUrl,
                UpdatedAt = s.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        return new SectionTree(nodes);
    }

    /// <summary>
    /// Reads every section as readers see them: with <see cref="SectionNode.HiddenWhileEmpty"/>
    /// filled for the sections set 无内容时不显示 that have, in themselves and below, no article
    /// visible at <paramref name="nowUtc"/> (<see cref="ArticleVisibility"/>). One more query, and
    /// only when some section is set so.
    /// </summary>
    public static async Task<SectionTree> LoadForReadersAsync(PortalDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var tree = await LoadAsync(db, cancellationToken);
        var flagged = tree._byId.Values.Where(n => n.HideWhenEmpty).ToList();
        if (flagged.Count == 0)
        {
            return tree;
        }

        var candidates = flagged.SelectMany(SelfAndDescendantIds).Distinct().ToList();
        var withArticles = (await db.Articles.AsNoTracking().VisibleAt(nowUtc)
            .Where(a => candidates.Contains(a.SectionId))
            .Select(a => a.SectionId)
            .Distinct()
            .ToListAsync(cancellationToken)).ToHashSet();
        foreach (var node in flagged)
        {
            node.HiddenWhileEmpty = !SelfAndDescendantIds(node).Any(withArticles.Contains);
        }

        return tree;
    }

    public SectionNode? Find(int id) => _byId.GetValueOrDefault(id);

    /// <summary>The section at a public path such as <c>xinwen/difang</c>, case-insensitively.</summary>
    public SectionNode? FindByPath(string path) => _byPath.GetValueOrDefault(path.Trim('/'));

    /// <summary>The section and its ancestors, outermost first.</summary>
    public static IReadOnlyList<SectionNode> Ancestry(SectionNode node)
    {
        var path = new List<SectionNode>();
        for (var current = node; current is not null; current = current.Parent)
        {
            path.Insert(0, current);
        }

        return path;
    }

    /// <summary>
    /// Every section depth first in menu order, with its name indented by its depth (full-width
    /// spaces): the options of a section select.
    /// </summary>
    public IEnumerable<(SectionNode Node, string Label)> Indented() =>
        Roots.SelectMany(SelfAndDescendants).Select(n => (n, new string('　', Ancestry(n).Count - 1) + n.Name));

    /// <summary>
    /// The sections menus, the home page and the site map show, depth first in menu order: a
    /// section hidden while empty is left out with everything below it (nothing below it has content).
    /// </summary>
    public IEnumerable<SectionNode> Shown() => Roots.SelectMany(ShownBelow);

    private static IEnumerable<SectionNode> ShownBelow(SectionNode node) =>
        IsShown(node) ? node.Children.SelectMany(ShownBelow).Prepend(node) : [];

    /// <summary>The section and every section below it, depth first in menu order.</summary>
    public static IEnumerable<SectionNode> SelfAndDescendants(SectionNode node)
    {
        yield return node;
        foreach (var descendant in node.Children.SelectMany(SelfAndDescendants))
        {
            yield return descendant;
        }
    }

    /// <summary>The ids of the section and every section below it.</summary>
    public static IReadOnlyList<int> SelfAndDescendantIds(SectionNode node)
    {
        var ids = new List<int>();
        var stack = new Stack<SectionNode>([node]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            ids.Add(current.Id);
            foreach (var child in current.Children)
            {
                stack.Push(child);
            }
        }

        return ids;
    }

    /// <summary>
    /// The ids whose articles a list of the section shows: the section itself and the 列表 and 互动
    /// sections below it. A 单页 section's article is its page, not a news item, and a 链接 section
    /// holds none, so their articles stay out of lists, feeds and the home page's blocks.
    /// </summary>
    public static IReadOnlyList<int> ListedIds(SectionNode node) =>
        SelfAndDescendants(node).Where(n => n == node || IsListed(n)).Select(n => n.Id).ToList();

    /// <summary>Whether the section's articles are news items (a 列表 or 互动 section).</summary>
    public static bool IsListed(SectionNode node) => node.Kind is SectionKind.List or SectionKind.Interaction;

    /// <summary>The ids of the sections whose articles are not news items (单页, 链接).</summary>
    public IReadOnlyList<int> UnlistedIds() => _byId.Values.Where(n => !IsListed(n)).Select(n => n.Id).ToList();
}
