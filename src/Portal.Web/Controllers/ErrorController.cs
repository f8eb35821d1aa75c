using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Portal.Web.Areas.Admin;
using Portal.Web.Areas.Admin.Models;
using Portal.Web.Hosting;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>Friendly error pages, reached by re-execution from the status-code and exception middleware.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken] // A failed POST is re-executed here; the error page itself must not fail antiforgery.
[IgnoreForm] // Nor read the form: one too large to read is a reason to be here, and no field may choose the status.
public sealed class ErrorController : Controller
{
    /// <summary>How long a client is asked to wait when the database is unreachable or cannot take writes.</summary>
    private const int RetryAfterSeconds = 30;

    [Route("/error/{code:int}")]
    public IActionResult Show([FromRoute] int code)
    {
        // Asked for directly, /error/404 is a page that exists; keep the code it stands for.
        var status = code is >= 400 and <= 599 ? code : 404;

        // A request that failed because the store did not answer, or could not take a write (read
        // only, disk full), is a temporary outage (503, try again), not a fault of the portal
        // (500); monitoring and proxies tell them apart.
        if (status == StatusCodes.Status500InternalServerError && DatabaseFailures.IsStoreUnavailable(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            status = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        Response.StatusCode = status;

        // A refusal of an admin address (403 from a policy, 404, 413, 429) keeps the person in the
        // admin area: the admin layout with its menu and a way back to 控制台. A server error keeps
        // the plain page, which reads nothing from the store that may be what failed.
        if (status < 500 && OriginalPath() is { } original && AdminArea.Contains(original))
        {
            Response.Headers.CacheControl = "no-store";
            return View(AdminStatusView, new AdminStatusViewModel { StatusCode = status, Title = TitleOf(status) });
        }

        return View(new ErrorViewModel { StatusCode = status, Title = TitleOf(status) });
    }

    private const string AdminStatusView = "/Areas/Admin/Views/Shared/Status.cshtml";

    private static string TitleOf(int status) => status switch
    {
        404 => "页面不存在",
        403 => "没有权限",
        413 => "提交的内容过大",
        429 => "请求过于频繁",
        >= 500 => "服务暂时不可用",
        _ => "请求无法完成",
    };

    /// <summary>The address that failed, when this is a re-execution (never one the request names itself).</summary>
    private PathString? OriginalPath() =>
        HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } path ? new PathString(path) : null;
}
