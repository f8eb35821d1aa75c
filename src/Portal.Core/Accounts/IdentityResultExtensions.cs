using Microsoft.AspNetCore.Identity;
using Portal.Core.Site;

namespace Portal.Core.Accounts;

/// <summary>Identity's answer as the admin commands' one result type.</summary>
public static class IdentityResultExtensions
{
    /// <summary>
    /// Success, or Identity's refusals (already in Chinese: the web registers a Chinese error describer) as one
    /// message for the form's summary: they name rules of the whole password or account, not a field
    /// the caller could point at on every form that changes one.
    /// </summary>
    public static CommandResult ToCommandResult(this IdentityResult result) =>
        result.Succeeded ? CommandResult.Ok() : CommandResult.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)));
}
