using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Site;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>审计日志: read and filter only. There is no action that changes or deletes an entry.</summary>
[Authorize(Policy = PortalPolicies.Administer)]
public sealed class AuditController(AuditQueries queries, SiteClock clock) : AdminController
{
    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index(AuditFilterInput filter, int page = 1, CancellationToken cancellationToken = default)
    {
        if (page < 1)
        {
            return NotFound();
        }

        // A date that is not one, or is out of range, is named beside its field and left out of the filter.
        var from = Valid(nameof(filter.From)) ? filter.From : null;
        var to = Valid(nameof(filter.To)) ? filter.To : null;
        var query = new AuditFilter(
            filter.UserName,
            filter.Op,
            from is { } start ? clock.StartOfDayUtc(start) : null,
            to is { } end ? clock.StartOfDayUtc(end.AddDays(1)) : null);
        return View(new AuditListViewModel { Entries = await queries.ListAsync(query, page, cancellationToken), Filter = filter });
    }

    private bool Valid(string key) => ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid;
}
