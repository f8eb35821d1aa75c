using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Net.Http.Headers;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Site;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>审计日志: read, filter and export only. There is no action that changes or deletes an entry.</summary>
[Authorize(Policy = PortalPolicies.Administer)]
public sealed class AuditController(AuditQueries queries, SiteClock clock, TimeProvider time) : AdminController
{
    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index(AuditFilterInput filter, int page = 1, CancellationToken cancellationToken = default)
    {
        if (page < 1)
        {
            return NotFound();
        }

        return View(new AuditListViewModel
        {
            Entries = await queries.ListAsync(ToQuery(filter), page, cancellationToken),
            Filter = filter,
            ExportHref = "/admin/audit/export" + FilterQuery(),
        });
    }

    /// <summary>
    /// The entries the same filters select, as CSV (UTF-8 with a byte-order mark, so Excel reads
    /// the Chinese), streamed in batches rather than read into memory. A filter date that is not
    /// one goes back to the list, which names it beside its field: an export must not quietly
    /// ignore a filter the person typed.
    /// </summary>
    [HttpGet("/admin/audit/export")]
    public async Task<IActionResult> Export(AuditFilterInput filter, CancellationToken cancellationToken = default)
    {
        if (!Valid(nameof(filter.From)) || !Valid(nameof(filter.To)))
        {
            return LocalRedirect("/admin/audit" + FilterQuery());
        }

        var today = clock.ToLocal(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"audit-{today}.csv",
            FileNameStar = $"审计日志-{today}.csv",
        }.ToString();

        var body = Response.Body;
        await body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using (var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true))
        {
            await AuditCsv.WriteAsync(writer, queries.ExportAsync(ToQuery(filter), cancellationToken), clock, cancellationToken);
        }

        return new EmptyResult();
    }

    /// <summary>The filter as the query reads it; a date that is not one, or is out of range, is named beside its field and left out.</summary>
    private AuditFilter ToQuery(AuditFilterInput filter)
    {
        var from = Valid(nameof(filter.From)) ? filter.From : null;
        var to = Valid(nameof(filter.To)) ? filter.To : null;
        return new AuditFilter(
            filter.UserName,
            filter.Op,
            from is { } start ? clock.StartOfDayUtc(start) : null,
            to is { } end ? clock.StartOfDayUtc(end.AddDays(1)) : null,
            filter.Target,
            filter.TargetId,
            filter.Q);
    }

    /// <summary>The current query string without the page number: the filters, as typed.</summary>
    private string FilterQuery()
    {
        var query = new QueryBuilder(Request.Query
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        return query.ToQueryString().Value ?? "";
    }

    private bool Valid(string key) => ModelState.GetFieldValidationState(key) != ModelValidationState.Invalid;
}
