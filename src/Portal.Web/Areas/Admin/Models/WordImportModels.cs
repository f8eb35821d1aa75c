using System.ComponentModel.DataAnnotations;
using Portal.Core.Data;
using Portal.Core.Articles;
using Portal.Core.Writing;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>导入Word, step one: the section, the source and the file.</summary>
public sealed class WordImportInputModel
{
    [Display(Name = "栏目")]
    [Required(ErrorMessage = "请选择栏目。")]
    public int? SectionId { get; set; }

    [Display(Name = "来源")]
    [Required(ErrorMessage = "请填写来源。")]
    [StringLength(FieldLengths.Source, ErrorMessage = "来源不能超过 {1} 个字。")]
    public string Source { get; set; } = "";
}

/// <summary>导入Word, step two: the converted document and the alt text of its images.</summary>
public sealed class WordImportAltInputModel
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

    public string Markdown { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>Each image's alt text by its stored name.</summary>
    public Dictionary<string, string?> Alts { get; set; } = [];

    /// <summary>Each image's name in the document, by stored name (shown again after an error).</summary>
    public Dictionary<string, string> Names { get; set; } = [];
}

/// <summary>The page of step one.</summary>
public sealed class WordImportViewModel
{
    public required WordImportInputModel Input { get; init; }

    public required IReadOnlyList<Choice> Sections { get; init; }

    public required long MaxBytes { get; init; }

    public string? Error { get; init; }
}

/// <summary>The page of step two.</summary>
public sealed class WordImportAltViewModel
{
    public required WordImportAltInputModel Input { get; init; }

    public required IReadOnlyList<Choice> Sections { get; init; }

    public IReadOnlyList<PendingImage> Images => Input.Alts.Keys
        .Select(k => new PendingImage(k, Input.Names.GetValueOrDefault(k) ?? k)).ToList();

    public IReadOnlyList<string> Notes { get; init; } = [];

    public string? Error { get; init; }
}
