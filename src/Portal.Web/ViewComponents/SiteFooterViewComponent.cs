using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Site;
using Portal.Web.Hosting;

namespace Portal.Web.ViewComponents;

/// <summary>The footer: link groups and the site's identity (主办单位, 备案 numbers, address, 找错).</summary>
public sealed partial class SiteFooterViewComponent(SiteContext site, SiteAddress address) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var identity = await site.GetIdentityAsync(HttpContext.RequestAborted);
        var groups = await site.GetFooterAsync(HttpContext.RequestAborted);
        var recordCode = identity.PublicSecurityNumber is null ? null : Digits().Match(identity.PublicSecurityNumber).Value;
        return View(new SiteFooterViewModel(
            identity,
            groups,
            string.IsNullOrEmpty(recordCode) ? null : $"http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={recordCode}",
            identity.ErrorReportLabel is null ? null : ErrorReportUrl(identity.SiteCode, PageUrl())));
    }

    /// <summary>
    /// This page's public address, on the site's configured address (<see cref="SiteAddress"/>:
    /// <see cref="SiteOptions.BaseUrl"/>), never on the request's Host header. On an error page the request was re-executed at
    /// <c>/error/{code}</c>; the reader's address is the original one, which is the page worth reporting.
    /// </summary>
    private string PageUrl()
    {
        var request = HttpContext.Request;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var pathBase = original is null ? request.PathBase : new PathString(original.OriginalPathBase);
        var path = original is null ? request.Path : new PathString(original.OriginalPath);
        var query = original is null ? request.QueryString : new QueryString(original.OriginalQueryString);
        return address.Origin + pathBase.ToUriComponent() + path.ToUriComponent() + query.ToUriComponent();
    }

    /// <summary>The national error-report entry (我为政府网站找错) for this site and page.</summary>
    public static string ErrorReportUrl(string? siteCode, string pageUrl) =>
        $"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={Uri.EscapeDataString(siteCode ?? "")}&url={Uri.EscapeDataString(pageUrl)}";

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}

/// <summary>What the footer renders.</summary>
public sealed record SiteFooterViewModel(
    SiteIdentity Identity,
    IReadOnlyList<FooterGroup> Groups,
    string? PublicSecurityUrl,
    string? ErrorReportUrl);
