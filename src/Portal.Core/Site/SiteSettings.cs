namespace Portal.Core.Site;

/// <summary>
/// The site's identity as readers and inspectors see it in the header and footer. One row
/// (<see cref="SingletonId"/>); typed columns rather than a key-value bag so every setting is
/// named, validated and migrated like any other data.
/// </summary>
public class SiteSettings
{
    /// <summary>The id of the one settings row.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The name in the banner and the page titles.</summary>
    public string SiteName { get; set; } = "";

    /// <summary>主办单位: the body that runs the site.</summary>
    public string? Sponsor { get; set; }

    /// <summary>版权所有: the copyright holder.</summary>
    public string? CopyrightHolder { get; set; }

    /// <summary>ICP备案编号, e.g. 京ICP备05048973号.</summary>
    public string? IcpNumber { get; set; }

    /// <summary>公安机关备案 number as displayed, e.g. 京公网安备 11040102700045号.</summary>
    public string? PublicSecurityNumber { get; set; }

    /// <summary>网站标识码: bm + 8 digits for ministries, 10 digits for local sites.</summary>
    public string? SiteCode { get; set; }

    public string? Address { get; set; }

    public string? Postcode { get; set; }

    /// <summary>联系电话.</summary>
    public string? Phone { get; set; }

    /// <summary>电子邮箱.</summary>
    public string? Email { get; set; }

    /// <summary>网站维护: the unit that maintains the site.</summary>
    public string? Maintainer { get; set; }

    /// <summary>党政机关网站标识: the address of the site's entry in the registry (the red badge links there); null hides the badge.</summary>
    public string? GovBadgeUrl { get; set; }

    /// <summary>The label of the national error-report entry (我为政府网站找错); null hides the entry.</summary>
    public string? ErrorReportLabel { get; set; }

    /// <summary>The label of the official WeChat account (官方微信); null hides it.</summary>
    public string? WeChatLabel { get; set; }

    /// <summary>The official WeChat account's QR code image, if uploaded.</summary>
    public int? WeChatQrImageId { get; set; }

    public DateTime UpdatedAt { get; set; }
}
