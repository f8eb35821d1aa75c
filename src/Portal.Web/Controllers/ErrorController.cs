using Microsoft.AspNetCore.Mvc;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>Friendly error pages, reached by re-execution from the status-code and exception middleware.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken] // A failed POST is re-executed here; the error page itself must not fail antiforgery.
public sealed class ErrorController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Show(int code)
    {
        // Asked for directly, /error/404 is a page that exists; keep the code it stands for.
        var status = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = status;
        return View(new ErrorViewModel
        {
            StatusCode = status,
            Title = status switch
            {
                404 => "页面不存在",
                403 => "没有权限",
                >= 500 => "服务暂时不可用",
                _ => "请求无法完成",
            },
        });
    }
}
