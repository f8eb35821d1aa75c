using System.ComponentModel.DataAnnotations;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Sections;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>The section form (新建栏目 / 编辑栏目).</summary>
public sealed class SectionInputModel
{
    [Required(ErrorMessage = "请填写栏目名称。")]
    [StringLength(FieldLengths.SectionName, ErrorMessage = "栏目名称不能超过 {1} 个字。")]
    [Display(Name = "名称")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "请填写菜单名称。")]
    [StringLength(FieldLengths.MenuLabel, ErrorMessage = "菜单名称不能超过 {1} 个字。")]
    [Display(Name = "菜单名称")]
    public string MenuLabel { get; set; } = "";

    [Required(ErrorMessage = "请填写英文标识。")]
    [StringLength(FieldLengths.Slug, ErrorMessage = "英文标识不能超过 {1} 个字符。")]
    [Display(Name = "英文标识（网址）")]
    public string Slug { get; set; } = "";

    [Display(Name = "上级栏目")]
    public int? ParentId { get; set; }

    [Display(Name = "在主菜单中显示")]
    public bool ShowInMenu { get; set; } = true;

    [StringLength(FieldLengths.SectionDescription, ErrorMessage = "栏目描述不能超过 {1} 个字。")]
    [Display(Name = "栏目描述")]
    public string? Description { get; set; }

    [StringLength(FieldLengths.Keywords, ErrorMessage = "栏目关键词不能超过 {1} 个字。")]
    [Display(Name = "栏目关键词")]
    public string? Keywords { get; set; }

    /// <summary>How many reviews the section's articles need (<see cref="SectionReviewLevels"/>); the service refuses other values.</summary>
    [Display(Name = "审核级数")]
    public int ReviewLevels { get; set; } = SectionReviewLevels.Default;

    /// <summary>栏目类型; the service refuses values outside <see cref="SectionKind"/>.</summary>
    [Display(Name = "栏目类型")]
    public SectionKind Kind { get; set; } = SectionKind.List;

    /// <summary>更新类别, for 列表 and 互动 sections.</summary>
    [Display(Name = "更新类别")]
    public SectionUpdateClass UpdateClass { get; set; } = SectionUpdateClass.News;

    /// <summary>无内容时不显示, for 列表 and 互动 sections.</summary>
    [Display(Name = "无内容时不显示")]
    public bool HideWhenEmpty { get; set; }

    /// <summary>链接地址, for 链接 sections; checked by the footer links' rule in the service.</summary>
    [Display(Name = "链接地址")]
    public string? LinkUrl { get; set; }

    public SectionChange ToChange() =>
        new(Name ?? "", MenuLabel ?? "", Slug ?? "", ParentId, ShowInMenu, Description, Keywords, ReviewLevels, Kind, UpdateClass, HideWhenEmpty, LinkUrl);

    public static SectionInputModel From(SectionChange change) => new()
    {
        Name = change.Name,
        MenuLabel = change.MenuLabel,
        Slug = change.Slug,
        ParentId = change.ParentId,
        ShowInMenu = change.ShowInMenu,
        Description = change.Description,
        Keywords = change.Keywords,
        ReviewLevels = change.ReviewLevels,
        Kind = change.Kind,
        UpdateClass = change.UpdateClass,
        HideWhenEmpty = change.HideWhenEmpty,
        LinkUrl = change.LinkUrl,
    };
}

/// <summary>栏目管理: the tree.</summary>
public sealed class SectionListViewModel
{
    public required IReadOnlyList<SectionAdminRow> Rows { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>The section form with the parents it may choose from.</summary>
public sealed class SectionFormViewModel
{
    /// <summary>The section being edited; null when creating one.</summary>
    public int? Id { get; init; }

    /// <summary>The section's current public path, when editing.</summary>
    public string? CurrentPath { get; init; }

    public required SectionInputModel Input { get; init; }

    /// <summary>Possible parents, indented by depth (a section's own subtree is left out).</summary>
    public required IReadOnlyList<Choice> Parents { get; init; }
}
