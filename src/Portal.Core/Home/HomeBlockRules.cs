using Portal.Core.Data;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Core.Home;

/// <summary>
/// What a home-page block may hold, and the default layout, in one place for the page and the
/// admin forms alike.
/// </summary>
public static class HomeBlockRules
{
    /// <summary>Items a 栏目 block shows when nobody chose a number (and in the default layout).</summary>
    public const int DefaultSectionCount = 8;

    public const int MinSectionCount = 1;

    public const int MaxSectionCount = 20;

    public const int MinPictureCount = 3;

    public const int MaxPictureCount = 5;

    /// <summary>The kind's name in the admin area, and its heading when the block has no title.</summary>
    public static string NameOf(HomeBlockKind kind) => kind switch
    {
        HomeBlockKind.Headline => "头条",
        HomeBlockKind.PictureNews => "图片新闻",
        HomeBlockKind.Section => "栏目",
        HomeBlockKind.Topics => "专题专栏",
        HomeBlockKind.QuickLinks => "快捷链接",
        _ => kind.ToString(),
    };

    /// <summary>Whether the kind's content is a list of links (<see cref="HomeBlock.Links"/>).</summary>
    public static bool HasLinks(HomeBlockKind kind) => kind is HomeBlockKind.Topics or HomeBlockKind.QuickLinks;

    /// <summary>How many items a block shows: its count, kept within the kind's bounds (a stored row may hold anything).</summary>
    public static int CountOf(HomeBlockKind kind, int count) => kind switch
    {
        HomeBlockKind.Section => Math.Clamp(count, MinSectionCount, MaxSectionCount),
        HomeBlockKind.PictureNews => Math.Clamp(count, MinPictureCount, MaxPictureCount),
        HomeBlockKind.Headline => 1,
        _ => 0,
    };

    /// <summary>The count a new block of the kind starts with.</summary>
    public static int DefaultCount(HomeBlockKind kind) => kind switch
    {
        HomeBlockKind.Section => DefaultSectionCount,
        HomeBlockKind.PictureNews => MaxPictureCount,
        _ => 0,
    };

    /// <summary>
    /// The home page while the store holds no block: 头条, then one 栏目 block per menu section
    /// (链接 sections aside). A section hidden while empty keeps its block, which the page leaves
    /// out like any empty block (<see cref="ShownSection"/>): so the rows the first change in
    /// 首页布局 saves still show it once it has content. Not saved until then.
    /// </summary>
    public static List<HomeBlock> DefaultLayout(SectionTree sections, DateTime now)
    {
        var blocks = new List<HomeBlock> { new() { Kind = HomeBlockKind.Headline, SortOrder = 0, UpdatedAt = now } };
        foreach (var section in sections.Roots.Where(s => s.ShowInMenu && s.Kind != SectionKind.Link))
        {
            blocks.Add(new HomeBlock { Kind = HomeBlockKind.Section, SectionId = section.Id, Count = DefaultSectionCount, SortOrder = blocks.Count, UpdatedAt = now });
        }

        return blocks;
    }

    /// <summary>
    /// The section a 栏目 block lists, or null when readers would not see it: gone, hidden while
    /// empty, or a 链接 section (a menu entry, not a list).
    /// </summary>
    public static SectionNode? ShownSection(SectionTree sections, int? sectionId) =>
        sectionId is { } id && sections.Find(id) is { } node && SectionTree.IsShown(node) && node.Kind != SectionKind.Link ? node : null;

    /// <summary>
    /// The errors of a block's fields, normalising them on the way: the title trimmed (null when
    /// empty), the section dropped unless a 栏目 block, the count dropped unless it means something.
    /// </summary>
    public static List<FieldError> Check(HomeBlockKind kind, ref string? title, ref int? sectionId, ref int count, SectionTree sections)
    {
        var errors = new List<FieldError>();
        title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        if (title?.Length > FieldLengths.SectionName)
        {
            errors.Add(new FieldError(nameof(HomeBlock.Title), $"标题不能超过 {FieldLengths.SectionName} 个字。"));
        }

        if (kind == HomeBlockKind.Section)
        {
            if (sectionId is not { } id || sections.Find(id) is not { } node)
            {
                errors.Add(new FieldError(nameof(HomeBlock.SectionId), "请选择栏目区块要显示的栏目。"));
            }
            else if (node.Kind == SectionKind.Link)
            {
                errors.Add(new FieldError(nameof(HomeBlock.SectionId), $"“{node.Name}”是链接栏目，没有文章可以显示，请选择列表栏目。"));
            }

            if (count is < MinSectionCount or > MaxSectionCount)
            {
                errors.Add(new FieldError(nameof(HomeBlock.Count), $"栏目区块显示的条数应在 {MinSectionCount}–{MaxSectionCount} 之间。"));
            }
        }
        else
        {
            sectionId = null;
            if (kind == HomeBlockKind.PictureNews)
            {
                if (count is < MinPictureCount or > MaxPictureCount)
                {
                    errors.Add(new FieldError(nameof(HomeBlock.Count), $"图片新闻显示的条数应在 {MinPictureCount}–{MaxPictureCount} 之间。"));
                }
            }
            else
            {
                count = 0;
            }
        }

        return errors;
    }
}
