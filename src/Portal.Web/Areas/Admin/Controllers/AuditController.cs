using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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

        var query = new AuditFilter(
            filter.UserName,
            filter.Op,
            filter.From is { } from ? clock.StartOfDayUtc(from) : null,
            filter.To is { } to ? clock.StartOfDayUtc(to.AddDays(1)) : null);
        return View(new AuditListViewModel { Entries = await queries.ListAsync(query, page, cancellationToken), Filter = filter });
    }
}
