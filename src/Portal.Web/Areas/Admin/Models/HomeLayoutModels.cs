using System.ComponentModel.DataAnnotations;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Home;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>A home-page block (添加区块 / 编辑区块); the kind is chosen when adding only.</summary>
public sealed class HomeBlockInputModel
{
    [Display(Name = "区块类型")]
    public HomeBlockKind Kind { get; set; } = HomeBlockKind.Section;

    [StringLength(FieldLengths.SectionName, ErrorMessage = "标题不能超过 {1} 个字。")]
    [Display(Name = "标题")]
    public string? Title { get; set; }

    [Display(Name = "栏目")]
    public int? SectionId { get; set; }

    /// <summary>Empty: the kind's default (<see cref="HomeBlockRules.DefaultCount"/>).</summary>
    [Display(Name = "显示条数")]
    public int? Count { get; set; }
}

/// <summary>A link of a 专题 or 快捷链接 block.</summary>
public sealed class HomeLinkInputModel
{
    [Required(ErrorMessage = "请填写链接文字。")]
    [StringLength(FieldLengths.LinkText, ErrorMessage = "链接文字不能超过 {1} 个字。")]
    [Display(Name = "链接文字")]
    public string Label { get; set; } = "";

    [StringLength(FieldLengths.Url, ErrorMessage = "链接地址不能超过 {1} 个字符。")]
    [Display(Name = "链接地址")]
    public string? Url { get; set; }

    [Display(Name = "图片")]
    public int? ImageId { get; set; }

    [StringLength(FieldLengths.AltText, ErrorMessage = "替代文字不能超过 {1} 个字。")]
    [Display(Name = "图片替代文字")]
    public string? AltText { get; set; }
}

/// <summary>首页布局: the blocks in order, with the add form's choices.</summary>
public sealed class HomeLayoutViewModel
{
    public required HomeLayoutAdmin Layout { get; init; }

    public required IReadOnlyList<Choice> Sections { get; init; }

    /// <summary>Why the last change was refused, if it was.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>The block form (添加区块 / 编辑区块).</summary>
public sealed class HomeBlockFormViewModel
{
    /// <summary>The block being edited (negative: a block of the unsaved default layout); null when adding one.</summary>
    public int? Id { get; init; }

    public required HomeBlockInputModel Input { get; init; }

    public required IReadOnlyList<Choice> Sections { get; init; }
}

/// <summary>The link form of a 专题 or 快捷链接 block.</summary>
public sealed class HomeLinkFormViewModel
{
    /// <summary>The link being edited; null when adding one.</summary>
    public int? Id { get; init; }

    public required int BlockId { get; init; }

    public required HomeBlockKind Kind { get; init; }

    public required HomeLinkInputModel Input { get; init; }

    /// <summary>Images of the media library (专题 only).</summary>
    public IReadOnlyList<Choice> Images { get; init; } = [];
}
