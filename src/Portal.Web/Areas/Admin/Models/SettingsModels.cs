using System.ComponentModel.DataAnnotations;
using Portal.Core.Articles;
using Portal.Core.Data;
using Portal.Core.Site;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>网站设置: every site-identity field. The service checks the same rules again.</summary>
public sealed class SettingsInputModel
{
    [Required(ErrorMessage = "请填写网站名称。")]
    [StringLength(FieldLengths.SiteName, ErrorMessage = "网站名称不能超过 {1} 个字。")]
    [Display(Name = "网站名称")]
    public string SiteName { get; set; } = "";

    [StringLength(FieldLengths.Organisation, ErrorMessage = "主办单位不能超过 {1} 个字。")]
    [Display(Name = "主办单位")]
    public string? Sponsor { get; set; }

    [StringLength(FieldLengths.Organisation, ErrorMessage = "网站维护单位不能超过 {1} 个字。")]
    [Display(Name = "网站维护")]
    public string? Maintainer { get; set; }

    [StringLength(FieldLengths.Organisation, ErrorMessage = "版权所有不能超过 {1} 个字。")]
    [Display(Name = "版权所有")]
    public string? CopyrightHolder { get; set; }

    [StringLength(FieldLengths.RecordNumber, ErrorMessage = "ICP备案编号不能超过 {1} 个字符。")]
    [Display(Name = "ICP备案编号")]
    public string? IcpNumber { get; set; }

    [StringLength(FieldLengths.RecordNumber, ErrorMessage = "公安机关备案号不能超过 {1} 个字符。")]
    [Display(Name = "公安机关备案号")]
    public string? PublicSecurityNumber { get; set; }

    [RegularExpression(SiteSettingsRules.SiteCodePattern, ErrorMessage = SiteSettingsRules.SiteCodeMessage)]
    [Display(Name = "网站标识码")]
    public string? SiteCode { get; set; }

    [StringLength(FieldLengths.Address, ErrorMessage = "地址不能超过 {1} 个字。")]
    [Display(Name = "地址")]
    public string? Address { get; set; }

    [RegularExpression(SiteSettingsRules.PostcodePattern, ErrorMessage = SiteSettingsRules.PostcodeMessage)]
    [Display(Name = "邮政编码")]
    public string? Postcode { get; set; }

    [StringLength(FieldLengths.Phone, ErrorMessage = "联系电话不能超过 {1} 个字符。")]
    [Display(Name = "联系电话")]
    public string? Phone { get; set; }

    [StringLength(FieldLengths.Email, ErrorMessage = "电子邮箱不能超过 {1} 个字符。")]
    [RegularExpression(SiteSettingsRules.EmailPattern, ErrorMessage = SiteSettingsRules.EmailMessage)]
    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }

    [StringLength(FieldLengths.Label, ErrorMessage = "“找错”入口文字不能超过 {1} 个字。")]
    [Display(Name = "“我为政府网站找错”入口文字")]
    public string? ErrorReportLabel { get; set; }

    [StringLength(FieldLengths.Label, ErrorMessage = "官方微信文字不能超过 {1} 个字。")]
    [Display(Name = "官方微信文字")]
    public string? WeChatLabel { get; set; }

    [Display(Name = "官方微信二维码")]
    public int? WeChatQrImageId { get; set; }

    public SiteSettingsValues ToValues() => new()
    {
        SiteName = SiteName ?? "",
        Sponsor = Sponsor,
        Maintainer = Maintainer,
        CopyrightHolder = CopyrightHolder,
        IcpNumber = IcpNumber,
        PublicSecurityNumber = PublicSecurityNumber,
        SiteCode = SiteCode,
        Address = Address,
        Postcode = Postcode,
        Phone = Phone,
        Email = Email,
        ErrorReportLabel = ErrorReportLabel,
        WeChatLabel = WeChatLabel,
        WeChatQrImageId = WeChatQrImageId,
    };

    public static SettingsInputModel From(SiteSettingsValues v) => new()
    {
        SiteName = v.SiteName,
        Sponsor = v.Sponsor,
        Maintainer = v.Maintainer,
        CopyrightHolder = v.CopyrightHolder,
        IcpNumber = v.IcpNumber,
        PublicSecurityNumber = v.PublicSecurityNumber,
        SiteCode = v.SiteCode,
        Address = v.Address,
        Postcode = v.Postcode,
        Phone = v.Phone,
        Email = v.Email,
        ErrorReportLabel = v.ErrorReportLabel,
        WeChatLabel = v.WeChatLabel,
        WeChatQrImageId = v.WeChatQrImageId,
    };
}

/// <summary>The settings form with the images the QR code may be chosen from.</summary>
public sealed class SettingsFormViewModel
{
    public required SettingsInputModel Input { get; init; }

    public required IReadOnlyList<Choice> Images { get; init; }

    /// <summary>The address of the current QR image, for a preview.</summary>
    public string? QrUrl { get; init; }
}
