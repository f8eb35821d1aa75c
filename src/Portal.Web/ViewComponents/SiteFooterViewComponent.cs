using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Site;

namespace Portal.Web.ViewComponents;

/// <summary>The footer: link groups and the site's identity (主办单位, 备案 numbers, address, 找错).</summary>
public sealed partial class SiteFooterViewComponent(SiteContext site) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var settings = await site.GetSettingsAsync(HttpContext.RequestAborted);
        var groups = await site.GetFooterAsync(HttpContext.RequestAborted);
        var recordCode = settings.PublicSecurityNumber is null ? null : Digits().Match(settings.PublicSecurityNumber).Value;
        return View(new SiteFooterViewModel(
            settings,
            groups,
            string.IsNullOrEmpty(recordCode) ? null : $"http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={recordCode}",
            settings.ErrorReportLabel is null ? null : ErrorReportUrl(settings.SiteCode, HttpContext.Request.GetEncodedUrl())));
    }

    /// <summary>The national error-report entry (我为政府网站找错) for this site and page.</summary>
    public static string ErrorReportUrl(string? siteCode, string pageUrl) =>
        $"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={Uri.EscapeDataString(siteCode ?? "")}&url={Uri.EscapeDataString(pageUrl)}";

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}

/// <summary>What the footer renders.</summary>
public sealed record SiteFooterViewModel(
    SiteSettings Settings,
    IReadOnlyList<FooterGroup> Groups,
    string? PublicSecurityUrl,
    string? ErrorReportUrl);
