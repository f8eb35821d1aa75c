using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>Friendly error pages, reached by re-execution from the status-code and exception middleware.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken] // A failed POST is re-executed here; the error page itself must not fail antiforgery.
public sealed class ErrorController : Controller
{
    /// <summary>How long a client is asked to wait when the database is unreachable.</summary>
    private const int RetryAfterSeconds = 30;

    [Route("/error/{code:int}")]
    public IActionResult Show(int code)
    {
        // Asked for directly, /error/404 is a page that exists; keep the code it stands for.
        var status = code is >= 400 and <= 599 ? code : 404;

        // A request that failed because the database did not answer is a temporary outage (503,
        // try again), not a fault of the portal (500); monitoring and proxies tell them apart.
        if (status == StatusCodes.Status500InternalServerError && IsDatabaseUnavailable(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            status = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

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

    /// <summary>
    /// Whether the exception (or one it wraps) says the database cannot be reached: a transient
    /// provider error (connection refused, timeout: Npgsql and SqlClient mark those) or SQLite
    /// unable to open or lock its file. A constraint violation or a bad query stays a 500.
    /// </summary>
    private static bool IsDatabaseUnavailable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true }
                or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SqliteCantOpen or SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }

        return false;
    }

    // SQLite result codes (https://sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCantOpen = 14;
}
