namespace Portal.Core.Site;

/// <summary>The formats of the site-identity settings, shared by the form and the service.</summary>
public static class SiteSettingsRules
{
    /// <summary>网站标识码: <c>bm</c> and 8 digits (ministries) or 10 digits (local sites).</summary>
    public const string SiteCodePattern = @"^(bm[0-9]{8}|[0-9]{10})$";

    public const string SiteCodeMessage = "网站标识码应为 bm 加 8 位数字（部委网站）或 10 位数字（地方网站）。";

    /// <summary>邮政编码: six digits.</summary>
    public const string PostcodePattern = @"^[0-9]{6}$";

    public const string PostcodeMessage = "邮政编码应为 6 位数字。";

    /// <summary>A plain e-mail address: something@host.tld, no spaces or markup characters.</summary>
    public const string EmailPattern = @"^[^@\s<>""'()]+@[^@\s<>""'()]+\.[^@\s<>""'()]+$";

    public const string EmailMessage = "请填写有效的电子邮箱地址，例如 webmaster@example.gov.cn。";

    public const string BadgeUrlMessage = "党政机关网站标识地址应为以 https:// 或 http:// 开头的完整网址（开办单位在党政机关网站标识注册系统中的网站信息页）。";

    /// <summary>
    /// 党政机关网站标识: an address footer links may have (<see cref="LinkUrl"/>) that is absolute,
    /// the registry being another site, and carries no markup characters.
    /// </summary>
    public static bool IsBadgeUrl(string url) =>
        LinkUrl.TryNormalize(url, out var address)
        && address is not null
        && !address.StartsWith('/')
        && !address.Any(c => c is '<' or '>' or '"' or '\'' or '`');
}
