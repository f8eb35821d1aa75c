using System.ComponentModel.DataAnnotations;
using Portal.Core.Data;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>The article form. Never an entity: the service copies these fields into one after its own checks.</summary>
public sealed class ArticleInputModel
{
    [Display(Name = "标题")]
    [Required(ErrorMessage = "请填写标题。")]
    [StringLength(FieldLengths.Title, ErrorMessage = "标题不能超过 {1} 个字。")]
    public string Title { get; set; } = "";

    [Display(Name = "栏目")]
    [Required(ErrorMessage = "请选择栏目。")]
    public int? SectionId { get; set; }

    [Display(Name = "来源")]
    [Required(ErrorMessage = "请填写来源。")]
    [StringLength(FieldLengths.Source, ErrorMessage = "来源不能超过 {1} 个字。")]
    public string Source { get; set; } = "";

    /// <summary>Site-local date and time (the form's <c>datetime-local</c>); converted to UTC by <c>SiteClock</c>.</summary>
    [Display(Name = "发布日期")]
    [DataType(DataType.DateTime)]
    [SiteDateRange]
    public DateTime? PublishedAt { get; set; }

    [Display(Name = "摘要")]
    [StringLength(FieldLengths.Summary, ErrorMessage = "摘要不能超过 {1} 个字。")]
    public string? Summary { get; set; }

    [Display(Name = "关键词")]
    [StringLength(FieldLengths.Keywords, ErrorMessage = "关键词不能超过 {1} 个字。")]
    public string? Keywords { get; set; }

    [Display(Name = "封面图片")]
    public int? CoverImageId { get; set; }

    [Display(Name = "正文")]
    [Required(ErrorMessage = "请填写正文。")]
    public string BodyMarkdown { get; set; } = "";

    /// <summary>The article version the form was loaded with: a save against a newer one is a conflict.</summary>
    public int Version { get; set; }
}
