using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Articles;
using Portal.Core.Site;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>
/// 网站设置's form: the service's values with the form's labels. Every rule and message (required,
/// lengths, formats) is <see cref="SiteSettingsService"/>'s alone; its field errors are shown beside
/// the fields, and the view takes each input's <c>maxlength</c> from <see cref="SiteSettingsService.Fields"/>.
/// </summary>
[ModelMetadataType(typeof(SettingsLabels))]
public sealed record SettingsInputModel : SiteSettingsValues
{
    public SettingsInputModel()
    {
    }

    public SettingsInputModel(SiteSettingsValues values)
        : base(values)
    {
    }
}

/// <summary>The labels of <see cref="SettingsInputModel"/>'s fields (metadata only, never instantiated).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1812", Justification = "Read by MVC's metadata provider through ModelMetadataType.")]
internal sealed class SettingsLabels
{
    [Display(Name = "网站名称")]
    public object? SiteName { get; set; }

    [Display(Name = "主办单位")]
    public object? Sponsor { get; set; }

    [Display(Name = "网站维护")]
    public object? Maintainer { get; set; }

    [Display(Name = "版权所有")]
    public object? CopyrightHolder { get; set; }

    [Display(Name = "ICP备案编号")]
    public object? IcpNumber { get; set; }

    [Display(Name = "公安机关备案号")]
    public object? PublicSecurityNumber { get; set; }

    [Display(Name = "网站标识码")]
    public object? SiteCode { get; set; }

    [Display(Name = "地址")]
    public object? Address { get; set; }

    [Display(Name = "邮政编码")]
    public object? Postcode { get; set; }

    [Display(Name = "联系电话")]
    public object? Phone { get; set; }

    [Display(Name = "电子邮箱")]
    public object? Email { get; set; }

    [Display(Name = "“我为政府网站找错”入口文字")]
    public object? ErrorReportLabel { get; set; }

    [Display(Name = "官方微信文字")]
    public object? WeChatLabel { get; set; }

    [Display(Name = "官方微信二维码")]
    public object? WeChatQrImageId { get; set; }
}

/// <summary>The settings form with the images the QR code may be chosen from.</summary>
public sealed class SettingsFormViewModel
{
    public required SettingsInputModel Input { get; init; }

    public required IReadOnlyList<Choice> Images { get; init; }

    /// <summary>The address of the current QR image, for a preview.</summary>
    public string? QrUrl { get; init; }
}
