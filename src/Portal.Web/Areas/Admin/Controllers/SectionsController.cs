using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>栏目管理: the section tree, for administrators only.</summary>
[Authorize(Policy = PortalPolicies.Administer)]
public sealed class SectionsController(SectionAdminService sections) : AdminController
{
    [HttpGet("/admin/sections")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new SectionListViewModel { Rows = await sections.ListAsync(cancellationToken) });

    [HttpGet]
    public async Task<IActionResult> Create(int? parentId, CancellationToken cancellationToken) =>
        View("Form", await FormAsync(null, new SectionInputModel { ParentId = parentId }, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] SectionInputModel input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await sections.CreateAsync(input.ToChange(), cancellationToken);
            if (result.Succeeded)
            {
                Flash(result.Message!);
                return Redirect("/admin/sections");
            }

            ShowErrors(result);
        }

        return View("Form", await FormAsync(null, input, cancellationToken));
    }

    [HttpGet("/admin/sections/edit/{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var current = await sections.GetAsync(id, cancellationToken);
        return current is null ? NotFound() : View("Form", await FormAsync(id, SectionInputModel.From(current), cancellationToken));
    }

    [HttpPost("/admin/sections/edit/{id:int}")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] SectionInputModel input, CancellationToken cancellationToken)
    {
        var current = await sections.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await sections.UpdateAsync(id, input.ToChange(), cancellationToken);
            if (result.Outcome == CommandOutcome.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                Flash(result.Message!);
                return Redirect("/admin/sections");
            }

            ShowErrors(result);
        }

        return View("Form", await FormAsync(id, input, cancellationToken));
    }

    /// <summary>Moves a section up (<paramref name="offset"/> −1) or down (+1) among its siblings.</summary>
    [HttpPost("/admin/sections/reorder/{id:int}")]
    public async Task<IActionResult> Reorder(int id, int offset, CancellationToken cancellationToken) =>
        Done(await sections.ReorderAsync(id, offset, cancellationToken));

    [HttpPost("/admin/sections/visibility/{id:int}")]
    public async Task<IActionResult> Visibility(int id, bool show, CancellationToken cancellationToken) =>
        Done(await sections.SetShowInMenuAsync(id, show, cancellationToken));

    [HttpPost("/admin/sections/delete/{id:int}")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var result = await sections.DeleteAsync(id, cancellationToken);
        if (result.Outcome is CommandOutcome.Ok or CommandOutcome.NotFound)
        {
            return Done(result);
        }

        return View("Index", new SectionListViewModel
        {
            Rows = await sections.ListAsync(cancellationToken),
            Errors = [ErrorText(result)],
        });
    }

    /// <summary>Back to the list with the command's message (已上移。, 栏目已删除。…).</summary>
    private IActionResult Done(CommandResult result)
    {
        if (result.Outcome == CommandOutcome.NotFound)
        {
            return NotFound();
        }

        Report(result);
        return Redirect("/admin/sections");
    }

    private async Task<SectionFormViewModel> FormAsync(int? id, SectionInputModel input, CancellationToken cancellationToken)
    {
        var (parents, path) = await sections.ParentChoicesAsync(id, cancellationToken);
        return new SectionFormViewModel { Id = id, CurrentPath = path, Input = input, Parents = parents };
    }
}
