using Portal.Core.Articles;

namespace Portal.Core.Sections;

/// <summary>A section (栏目) of the site: a node of the section tree that articles are published in.</summary>
public class Section
{
    public int Id { get; set; }

    public int? ParentId { get; set; }

    public Section? Parent { get; set; }

    public List<Section> Children { get; set; } = [];

    public List<Article> Articles { get; set; } = [];

    /// <summary>The full name shown in breadcrumbs and headings, e.g. 新闻中心.</summary>
    public string Name { get; set; } = "";

    /// <summary>The shorter label shown in the main menu, e.g. 新闻.</summary>
    public string MenuLabel { get; set; } = "";

    /// <summary>Lower-case, URL-safe segment of the section's address; unique among its siblings.</summary>
    public string Slug { get; set; } = "";

    /// <summary>栏目描述: one sentence on what the section holds (the ColumnDescription tag and feeds); optional.</summary>
    public string? Description { get; set; }

    /// <summary>栏目关键词: comma-separated (the ColumnKeywords tag); optional.</summary>
    public string? Keywords { get; set; }

    public int SortOrder { get; set; }

    public bool ShowInMenu { get; set; } = true;

    /// <summary>
    /// How many reviews an article of this section needs before it goes public (三审):
    /// 0 (a reviewer may publish their own change; for small offices), 1 (the default: one
    /// reviewer other than the writer), 2 (初审 → 终审) or 3 (初审 → 复审 → 终审).
    /// </summary>
    public int ReviewLevels { get; set; } = 1;

    /// <summary>栏目类型: list (the default), single page, link or interaction.</summary>
    public SectionKind Kind { get; set; } = SectionKind.List;

    /// <summary>The update class of a list section (inspection thresholds); ignored for other kinds.</summary>
    public SectionUpdateClass UpdateClass { get; set; } = SectionUpdateClass.News;

    /// <summary>
    /// 无内容时不显示: while a list section has no visible article, the menu, the home page and
    /// the site map leave it out (its address still answers).
    /// </summary>
    public bool HideWhenEmpty { get; set; }

    /// <summary>The address a 链接 section's menu entry leads to (absolute http(s) or a site path); null for other kinds.</summary>
    public string? LinkUrl { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
