using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Site;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>页脚链接: link groups and their links, for administrators only.</summary>
[Authorize(Policy = PortalPolicies.Administer)]
public sealed class FooterLinksController(FooterLinkService footer) : AdminController
{
    private const string ListUrl = "/admin/footerlinks";

    [HttpGet("/admin/footerlinks")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new FooterLinkListViewModel { Groups = await footer.ListAsync(cancellationToken) });

    [HttpPost]
    public async Task<IActionResult> CreateGroup(FooterGroupInputModel input, CancellationToken cancellationToken) =>
        await DoneAsync(ModelState.IsValid ? await footer.CreateGroupAsync(input.Name, cancellationToken) : null, cancellationToken);

    [HttpPost("/admin/footerlinks/renamegroup/{id:int}")]
    public async Task<IActionResult> RenameGroup(int id, FooterGroupInputModel input, CancellationToken cancellationToken) =>
        await DoneAsync(ModelState.IsValid ? await footer.RenameGroupAsync(id, input.Name, cancellationToken) : null, cancellationToken);

    [HttpPost("/admin/footerlinks/movegroup/{id:int}")]
    public async Task<IActionResult> MoveGroup(int id, int offset, CancellationToken cancellationToken) =>
        await DoneAsync(await footer.MoveGroupAsync(id, offset, cancellationToken), cancellationToken);

    [HttpPost("/admin/footerlinks/deletegroup/{id:int}")]
    public async Task<IActionResult> DeleteGroup(int id, CancellationToken cancellationToken) =>
        await DoneAsync(await footer.DeleteGroupAsync(id, cancellationToken), cancellationToken);

    [HttpGet]
    public async Task<IActionResult> CreateLink(int groupId, CancellationToken cancellationToken) =>
        View("LinkForm", new FooterLinkFormViewModel { Input = new FooterLinkInputModel { GroupId = groupId }, Groups = await footer.ListAsync(cancellationToken) });

    [HttpPost]
    public async Task<IActionResult> CreateLink([Bind(Prefix = "Input")] FooterLinkInputModel input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await footer.CreateLinkAsync(input.GroupId, input.Text, input.Url, cancellationToken);
            if (result.Succeeded)
            {
                Flash(result.Message!);
                return Redirect(ListUrl);
            }

            ShowErrors(result);
        }

        return View("LinkForm", new FooterLinkFormViewModel { Input = input, Groups = await footer.ListAsync(cancellationToken) });
    }

    [HttpGet("/admin/footerlinks/editlink/{id:int}")]
    public async Task<IActionResult> EditLink(int id, CancellationToken cancellationToken)
    {
        var link = await footer.GetLinkAsync(id, cancellationToken);
        return link is null
            ? NotFound()
            : View("LinkForm", new FooterLinkFormViewModel
            {
                Id = id,
                Input = new FooterLinkInputModel { GroupId = link.GroupId, Text = link.Text, Url = link.Url },
                Groups = await footer.ListAsync(cancellationToken),
            });
    }

    [HttpPost("/admin/footerlinks/editlink/{id:int}")]
    public async Task<IActionResult> EditLink(int id, [Bind(Prefix = "Input")] FooterLinkInputModel input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await footer.UpdateLinkAsync(id, input.GroupId, input.Text, input.Url, cancellationToken);
            if (result.Outcome == CommandOutcome.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                Flash(result.Message!);
                return Redirect(ListUrl);
            }

            ShowErrors(result);
        }

        return View("LinkForm", new FooterLinkFormViewModel { Id = id, Input = input, Groups = await footer.ListAsync(cancellationToken) });
    }

    [HttpPost("/admin/footerlinks/movelink/{id:int}")]
    public async Task<IActionResult> MoveLink(int id, int offset, CancellationToken cancellationToken) =>
        await DoneAsync(await footer.MoveLinkAsync(id, offset, cancellationToken), cancellationToken);

    [HttpPost("/admin/footerlinks/deletelink/{id:int}")]
    public async Task<IActionResult> DeleteLink(int id, CancellationToken cancellationToken) =>
        await DoneAsync(await footer.DeleteLinkAsync(id, cancellationToken), cancellationToken);

    /// <summary>Back to the list after a change; the list again with the reasons when it was refused.</summary>
    private Task<IActionResult> DoneAsync(CommandResult? result, CancellationToken cancellationToken) =>
        BackToListAsync(result, ListUrl, async errors => new FooterLinkListViewModel { Groups = await footer.ListAsync(cancellationToken), Errors = errors });
}
