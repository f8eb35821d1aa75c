namespace Portal.Core.Demo;

/// <summary>
/// The section tree <c>seed-demo</c> creates in a store that has none, and which kinds of article
/// each section gets. Three parents hold eight leaves; articles go to the leaves.
/// </summary>
internal static class DemoSections
{
    /// <summary>(slug, full name, menu label, parent's slug or null), parents first.</summary>
    public static IReadOnlyList<(string Slug, string Name, string Label, string? Parent)> Tree { get; } =
    [
        ("xinwen", "新闻中心", "新闻", null),
        ("gongkai", "政务公开", "公开", null),
        ("zhuanti", "专题专栏", "专题", null),
        ("difang", "地方动态", "地方动态", "xinwen"),
        ("gongzuo", "工作动态", "工作动态", "xinwen"),
        ("tongzhi", "通知公告", "通知公告", "xinwen"),
        ("zhengce", "政策文件", "政策文件", "gongkai"),
        ("jiedu", "政策解读", "政策解读", "gongkai"),
        ("minzu", "民族团结", "民族团结", "zhuanti"),
        ("xiangcun", "乡村振兴", "乡村振兴", "zhuanti"),
        ("shengtai", "生态环境", "生态环境", "zhuanti"),
    ];

    /// <summary>
    /// The kinds of article for a section: its own when its slug names one (地方动态 also carries
    /// local education, health and culture news, which have no section in the demo tree); otherwise
    /// one by the section's position, so every kind appears in a store of many sections.
    /// </summary>
    public static IReadOnlyList<DemoCategory> CategoriesFor(string slug, int position)
    {
        var all = DemoTopics.Categories;
        if (slug == "difang")
        {
            return all.Where(c => c.Slug is "difang" or "jiaoyu" or "yiliao" or "wenlv").ToList();
        }

        return all.FirstOrDefault(c => c.Slug == slug) is { } own ? [own] : [all[position % all.Count]];
    }
}
