using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Site;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// The one gate of the admin area: every admin controller derives from this class, which puts it
/// in the area and requires a staff account. Finer actions add a stricter policy
/// (<see cref="PortalPolicies.Review"/>, <see cref="PortalPolicies.Administer"/>); antiforgery is a
/// global filter for every unsafe request. No admin page is kept by a browser's or a proxy's
/// cache (<c>Cache-Control: no-store</c>): a shared computer must not show the next person an
/// authenticator key, recovery codes or unpublished text.
/// </summary>
[Area("Admin")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[Authorize(Policy = PortalPolicies.Staff)]
[Route("admin/[controller]/[action]")]
public abstract class AdminController : Controller
{
    /// <summary>A one-time message shown at the top of the next admin page (after a redirect).</summary>
    protected void Flash(string message) => TempData["Flash"] = message;

    /// <summary>
    /// A one-time failure shown at the top of the next admin page (after a redirect), in the error
    /// style and announced as an alert, not in the success box.
    /// </summary>
    protected void FlashError(string message) => TempData[FlashErrorKey] = message;

    /// <summary>Where <see cref="FlashError"/> keeps its message for the admin layout.</summary>
    protected const string FlashErrorKey = "FlashError";

    /// <summary>The edit page's error after a redirect (shown above its form).</summary>
    protected const string ArticleErrorKey = "ArticleError";

    /// <summary>
    /// Where an article command leads (a workflow button, a preview link's creation or
    /// revocation): back to the article <paramref name="id"/> of the route, with the outcome (done,
    /// or why not) shown there. A refusal carries no article id of its own.
    /// </summary>
    protected IActionResult BackToArticle(CommandResult result, int id) =>
        After(result, $"/admin/articles/edit/{id}", ArticleErrorKey);

    /// <summary>
    /// Where a command leads: back to <paramref name="to"/> with the outcome (done, or why not, kept
    /// under <paramref name="errorKey"/> for that page), a 404 for nothing to act on, and the 没有权限
    /// page with the rule's message for a refusal of the person.
    /// </summary>
    protected IActionResult After(CommandResult result, string to, string errorKey = FlashErrorKey)
    {
        switch (result.Outcome)
        {
            case CommandOutcome.Ok:
                Flash(result.Message!);
                break;
            case CommandOutcome.NotFound:
                return NotFound();
            case CommandOutcome.Forbidden:
                return Refused(result.Message!);
            default:
                TempData[errorKey] = result.Message;
                break;
        }

        return LocalRedirect(to);
    }

    /// <summary>没有权限 for an article command, with the rule's own message.</summary>
    protected ViewResult Refused(string message)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("/Areas/Admin/Views/Articles/Refused.cshtml", message);
    }

    /// <summary>
    /// The one way a form shows a refused command: each field error beside its field (a form bound
    /// with the <c>Input</c> prefix), an error that names no field in the form's summary, and the
    /// result's message in the summary when there are no field errors.
    /// </summary>
    protected void ShowErrors(CommandResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field.Length == 0 ? "" : "Input." + error.Field, error.Message);
        }

        if (result.Errors.Count == 0 && result.Message is { Length: > 0 } message)
        {
            ModelState.AddModelError("", message);
        }
    }

    /// <summary>
    /// A refused command in one line, for a page that shows it above a list or after a redirect
    /// (no form to put field errors beside): the field errors' messages, else the message.
    /// </summary>
    protected static string ErrorText(CommandResult result) =>
        result.Errors.Count > 0 ? string.Join(" ", result.Errors.Select(e => e.Message)) : result.Message ?? "操作未完成，请重试。";

    /// <summary>Flashes a command's outcome before a redirect: its message when done, the refusal as an alert otherwise.</summary>
    protected void Report(CommandResult result, string? failurePrefix = null)
    {
        if (result.Succeeded)
        {
            Flash(result.Message ?? "已完成。");
        }
        else
        {
            FlashError(failurePrefix + ErrorText(result));
        }
    }

    /// <summary>
    /// After a command on an ordered list page (页脚链接, 首页布局): 404 when its object is gone, back to
    /// <paramref name="listUrl"/> with its message when done, otherwise the list again (status 400)
    /// with the refusal, or the model-binding errors when there was no command (<paramref name="result"/> null).
    /// </summary>
    protected async Task<IActionResult> BackToListAsync(CommandResult? result, string listUrl, Func<List<string>, Task<object>> listModel)
    {
        if (result is { Outcome: CommandOutcome.NotFound })
        {
            return NotFound();
        }

        if (result is { Succeeded: true })
        {
            Flash(result.Message!);
            return Redirect(listUrl);
        }

        List<string> errors = result is not null
            ? [ErrorText(result)]
            : ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await listModel(errors));
    }
}
