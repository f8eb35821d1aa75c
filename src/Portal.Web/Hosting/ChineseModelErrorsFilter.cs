using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Portal.Web.Hosting;

/// <summary>
/// The last gap in Chinese binding messages: a binder that fails with an exception other than a
/// format or overflow error (a type converter's <see cref="ArgumentException"/>, say) records the
/// exception without a message, and the validation helpers then show MVC's built-in English
/// "The value '…' is invalid.". Before the action runs, every such error gets the Chinese message
/// of <see cref="ChineseModelBindingMessages"/>, so no form and no <c>ModelState</c> reader sees English.
/// </summary>
public sealed class ChineseModelErrorsFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        foreach (var (_, entry) in context.ModelState)
        {
            if (!entry.Errors.Any(e => e.ErrorMessage.Length == 0))
            {
                continue;
            }

            var errors = entry.Errors.ToList();
            entry.Errors.Clear();
            foreach (var error in errors)
            {
                entry.Errors.Add(error.ErrorMessage.Length > 0 ? error : new ModelError(Message(entry)));
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    private static string Message(ModelStateEntry entry) =>
        string.IsNullOrEmpty(entry.AttemptedValue) ? "所填的值无效。" : $"“{entry.AttemptedValue}”无效。";
}
