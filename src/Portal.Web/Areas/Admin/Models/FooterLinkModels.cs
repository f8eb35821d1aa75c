using System.ComponentModel.DataAnnotations;
using Portal.Core.Data;
using Portal.Core.Site;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>A footer link group's name (新建分组 / 改名).</summary>
public sealed class FooterGroupInputModel
{
    [Required(ErrorMessage = "请填写分组名称。")]
    [StringLength(FieldLengths.GroupName, ErrorMessage = "分组名称不能超过 {1} 个字。")]
    [Display(Name = "分组名称")]
    public string Name { get; set; } = "";
}

/// <summary>A footer link (新建链接 / 编辑链接).</summary>
public sealed class FooterLinkInputModel
{
    [Display(Name = "所属分组")]
    public int GroupId { get; set; }

    [Required(ErrorMessage = "请填写链接文字。")]
    [StringLength(FieldLengths.LinkText, ErrorMessage = "链接文字不能超过 {1} 个字。")]
    [Display(Name = "链接文字")]
    public string Text { get; set; } = "";

    [StringLength(FieldLengths.Url, ErrorMessage = "链接地址不能超过 {1} 个字符。")]
    [Display(Name = "链接地址")]
    public string? Url { get; set; }
}

/// <summary>页脚链接: every group with its links.</summary>
public sealed class FooterLinkListViewModel
{
    public required IReadOnlyList<FooterGroupAdminRow> Groups { get; init; }

    /// <summary>Why the last change was refused, if it was.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>The link form with the groups to choose from.</summary>
public sealed class FooterLinkFormViewModel
{
    /// <summary>The link being edited; null when creating one.</summary>
    public int? Id { get; init; }

    public required FooterLinkInputModel Input { get; init; }

    public required IReadOnlyList<FooterGroupAdminRow> Groups { get; init; }
}
