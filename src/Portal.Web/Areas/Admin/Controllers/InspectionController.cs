using Microsoft.AspNetCore.Mvc;
using Portal.Core.Inspection;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// 网站检查: the last stored run's findings, grouped by level, and 重新检查. Open to all staff
/// (<see cref="Portal.Core.Accounts.PortalPolicies.Staff"/>): editors fix most findings and may
/// confirm their fix; a run reads only and one runs at a time, so a click cannot harm.
/// </summary>
public sealed class InspectionController(InspectionQueries queries, InspectionRecorder recorder, InspectionGate gate) : AdminController
{
    private const string PageUrl = "/admin/inspection";

    [HttpGet(PageUrl)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var last = await queries.LastRunAsync(cancellationToken);
        return View(new InspectionViewModel
        {
            Summary = last?.Summary,
            Findings = last?.Findings ?? [],
            Running = gate.IsBusy,
        });
    }

    /// <summary>
    /// 重新检查: every rule now, stored as the newest run and audited. External links are not asked
    /// here (that is the background run's work, which may take minutes); their stored results count.
    /// </summary>
    [HttpPost("/admin/inspection/run")]
    public async Task<IActionResult> Run(CancellationToken cancellationToken)
    {
        var run = await recorder.TryRecordAsync(checkExternal: false, audited: true, cancellationToken);
        if (run is null)
        {
            FlashError("网站检查正在进行中，请稍后刷新本页查看结果。");
        }
        else
        {
            Flash($"检查完成：否决风险 {run.VetoCount} 项，警告 {run.WarningCount} 项，提示 {run.InfoCount} 项。");
        }

        return LocalRedirect(PageUrl);
    }
}
