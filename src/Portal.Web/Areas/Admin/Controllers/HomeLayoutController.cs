using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Home;
using Portal.Core.Media;
using Portal.Core.Site;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>首页布局: the home page's blocks and the links of its 专题 and 快捷链接 blocks, for administrators only.</summary>
[Authorize(Policy = PortalPolicies.Administer)]
public sealed class HomeLayoutController(HomeLayoutService home, MediaQueries media) : AdminController
{
    private const string ListUrl = "/admin/home";

    [HttpGet("/admin/home")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await ListAsync([], cancellationToken));

    [HttpPost("/admin/home/add")]
    public async Task<IActionResult> Add([Bind(Prefix = "Input")] HomeBlockInputModel input, CancellationToken cancellationToken) =>
        await DoneAsync(ModelState.IsValid ? await home.AddBlockAsync(input.Kind, input.Title, input.SectionId, input.Count ?? HomeBlockRules.DefaultCount(input.Kind), cancellationToken) : null, cancellationToken);

    [HttpGet("/admin/home/edit/{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var block = await home.GetBlockAsync(id, cancellationToken);
        return block is null
            ? NotFound()
            : View("BlockForm", await FormAsync(id, new HomeBlockInputModel { Kind = block.Kind, Title = block.Title, SectionId = block.SectionId, Count = block.Count }, cancellationToken));
    }

    [HttpPost("/admin/home/edit/{id:int}")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] HomeBlockInputModel input, CancellationToken cancellationToken)
    {
        var block = await home.GetBlockAsync(id, cancellationToken);
        if (block is null)
        {
            return NotFound();
        }

        // The kind is the block's own: a posted one is ignored.
        input.Kind = block.Kind;
        if (ModelState.IsValid)
        {
            var result = await home.UpdateBlockAsync(id, input.Title, input.SectionId, input.Count ?? HomeBlockRules.DefaultCount(block.Kind), cancellationToken);
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

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("BlockForm", await FormAsync(id, input, cancellationToken));
    }

    [HttpPost("/admin/home/move/{id:int}")]
    public async Task<IActionResult> Move(int id, int offset, CancellationToken cancellationToken) =>
        await DoneAsync(await home.MoveBlockAsync(id, offset, cancellationToken), cancellationToken);

    [HttpPost("/admin/home/delete/{id:int}")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await DoneAsync(await home.RemoveBlockAsync(id, cancellationToken), cancellationToken);

    [HttpGet("/admin/home/addlink")]
    public async Task<IActionResult> AddLink(int blockId, CancellationToken cancellationToken)
    {
        var block = await home.GetBlockAsync(blockId, cancellationToken);
        return block is null || !HomeBlockRules.HasLinks(block.Kind)
            ? NotFound()
            : View("LinkForm", await LinkFormAsync(null, blockId, block.Kind, new HomeLinkInputModel(), cancellationToken));
    }

    [HttpPost("/admin/home/addlink")]
    public async Task<IActionResult> AddLink(int blockId, [Bind(Prefix = "Input")] HomeLinkInputModel input, CancellationToken cancellationToken)
    {
        var block = await home.GetBlockAsync(blockId, cancellationToken);
        if (block is null || !HomeBlockRules.HasLinks(block.Kind))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await home.AddLinkAsync(blockId, input.Label, input.Url, input.ImageId, input.AltText, cancellationToken);
            if (result.Succeeded)
            {
                Flash(result.Message!);
                return Redirect(ListUrl);
            }

            ShowErrors(result);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("LinkForm", await LinkFormAsync(null, blockId, block.Kind, input, cancellationToken));
    }

    [HttpGet("/admin/home/editlink/{id:int}")]
    public async Task<IActionResult> EditLink(int id, CancellationToken cancellationToken)
    {
        var link = await home.GetLinkAsync(id, cancellationToken);
        var block = link is null ? null : await home.GetBlockAsync(link.BlockId, cancellationToken);
        return link is null || block is null
            ? NotFound()
            : View("LinkForm", await LinkFormAsync(id, block.Id, block.Kind, new HomeLinkInputModel { Label = link.Label, Url = link.Url, ImageId = link.ImageId, AltText = link.AltText }, cancellationToken));
    }

    [HttpPost("/admin/home/editlink/{id:int}")]
    public async Task<IActionResult> EditLink(int id, [Bind(Prefix = "Input")] HomeLinkInputModel input, CancellationToken cancellationToken)
    {
        var link = await home.GetLinkAsync(id, cancellationToken);
        var block = link is null ? null : await home.GetBlockAsync(link.BlockId, cancellationToken);
        if (link is null || block is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await home.UpdateLinkAsync(id, input.Label, input.Url, input.ImageId, input.AltText, cancellationToken);
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

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("LinkForm", await LinkFormAsync(id, block.Id, block.Kind, input, cancellationToken));
    }

    [HttpPost("/admin/home/movelink/{id:int}")]
    public async Task<IActionResult> MoveLink(int id, int offset, CancellationToken cancellationToken) =>
        await DoneAsync(await home.MoveLinkAsync(id, offset, cancellationToken), cancellationToken);

    [HttpPost("/admin/home/deletelink/{id:int}")]
    public async Task<IActionResult> DeleteLink(int id, CancellationToken cancellationToken) =>
        await DoneAsync(await home.RemoveLinkAsync(id, cancellationToken), cancellationToken);

    /// <summary>Back to the list after a change; the list again with the reasons when it was refused.</summary>
    private Task<IActionResult> DoneAsync(CommandResult? result, CancellationToken cancellationToken) =>
        BackToListAsync(result, ListUrl, async errors => await ListAsync(errors, cancellationToken));

    private async Task<HomeLayoutViewModel> ListAsync(IReadOnlyList<string> errors, CancellationToken cancellationToken) => new()
    {
        Layout = await home.ListAsync(cancellationToken),
        Sections = await home.SectionChoicesAsync(cancellationToken),
        Errors = errors,
    };

    private async Task<HomeBlockFormViewModel> FormAsync(int? id, HomeBlockInputModel input, CancellationToken cancellationToken) =>
        new() { Id = id, Input = input, Sections = await home.SectionChoicesAsync(cancellationToken) };

    private async Task<HomeLinkFormViewModel> LinkFormAsync(int? id, int blockId, HomeBlockKind kind, HomeLinkInputModel input, CancellationToken cancellationToken) =>
        new()
        {
            Id = id,
            BlockId = blockId,
            Kind = kind,
            Input = input,
            Images = kind == HomeBlockKind.Topics ? await media.ChoicesAsync(input.ImageId, cancellationToken) : [],
        };
}
