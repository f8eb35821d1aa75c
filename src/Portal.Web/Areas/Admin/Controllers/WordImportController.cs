using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Core.Site;
using Portal.Core.Writing;
using Portal.Web.Areas.Admin.Models;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// 导入Word: a .docx becomes a new draft (<see cref="WordImportService"/>). When an image of the
/// document has no alt text, a second page shows each such image and asks for it.
/// </summary>
public sealed class WordImportController(
    WordImportService import,
    EditorialQueries queries,
    EditorialContext context,
    SiteContext site,
    UserManager<PortalUser> users) : AdminController
{
    private EditorialActor Actor => new(users.GetUserId(User)!, User.CanReview(), User.IsAdministrator());

    [HttpGet("/admin/articles/import")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var identity = await site.GetIdentityAsync(cancellationToken);
        return View(await PageAsync(new WordImportInputModel { Source = identity.SiteName }, null, cancellationToken));
    }

    [HttpPost("/admin/articles/import")]
    public async Task<IActionResult> Index([Bind(Prefix = "Input")] WordImportInputModel input, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", file is null ? "请选择要导入的 Word 文档（.docx）。" : "文件是空的，请选择要导入的 Word 文档（.docx）。");
        }

        if (!ModelState.IsValid || file is null)
        {
            return View(await PageAsync(input, null, cancellationToken));
        }

        WordImportResult result;
        await using (var stream = file.OpenReadStream())
        {
            result = await import.ImportAsync(Actor, stream, file.FileName, input.SectionId!.Value, input.Source, cancellationToken);
        }

        switch (result.Outcome)
        {
            case WordImportOutcome.Created:
                Flash(string.Join(" ", new[] { result.Message! }.Concat(result.Notes ?? [])));
                return Redirect($"/admin/articles/edit/{result.ArticleId}");
            case WordImportOutcome.NeedsAltText:
                var draft = result.Draft!;
                var alt = new WordImportAltInputModel
                {
                    Title = draft.Title,
                    SectionId = input.SectionId,
                    Source = input.Source,
                    Markdown = draft.Markdown,
                    FileName = draft.FileName,
                    Alts = draft.Images.ToDictionary(i => i.StoredName, _ => (string?)null),
                    Names = draft.Images.ToDictionary(i => i.StoredName, i => i.Name),
                };
                return View("AltText", await AltPageAsync(alt, result.Notes ?? [], null, cancellationToken));
            default:
                AddFieldErrors(result, "Input.");
                return View(await PageAsync(input, result.FieldErrors is null ? result.Message : null, cancellationToken));
        }
    }

    [HttpPost("/admin/articles/import/complete")]
    public async Task<IActionResult> Complete([Bind(Prefix = "Input")] WordImportAltInputModel input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("AltText", await AltPageAsync(input, [], null, cancellationToken));
        }

        var result = await import.CompleteAsync(Actor, input.Title, input.SectionId!.Value, input.Source, input.Markdown, input.FileName, input.Alts, cancellationToken);
        if (result.Outcome == WordImportOutcome.Created)
        {
            Flash(result.Message!);
            return Redirect($"/admin/articles/edit/{result.ArticleId}");
        }

        if (result.FieldErrors is { } errors)
        {
            foreach (var (key, message) in errors)
            {
                // Alt errors are keyed by stored name; the draft's own errors by field name.
                ModelState.AddModelError(input.Alts.ContainsKey(key) ? $"Input.Alts[{key}]" : "Input." + (key == nameof(ArticleFields.BodyMarkdown) ? "" : key), message);
            }
        }

        return View("AltText", await AltPageAsync(input, [], result.Message, cancellationToken));
    }

    private void AddFieldErrors(WordImportResult result, string prefix)
    {
        foreach (var (key, message) in result.FieldErrors ?? [])
        {
            ModelState.AddModelError(key is nameof(ArticleFields.SectionId) or nameof(ArticleFields.Source) ? prefix + key : "", message);
        }
    }

    private async Task<IReadOnlyList<Choice>> SectionsAsync(CancellationToken cancellationToken)
    {
        var limits = await context.LimitsOfAsync(Actor, cancellationToken);
        return await queries.SectionChoicesAsync(limits.Sections, cancellationToken);
    }

    private async Task<WordImportViewModel> PageAsync(WordImportInputModel input, string? error, CancellationToken cancellationToken) => new()
    {
        Input = input,
        Sections = await SectionsAsync(cancellationToken),
        MaxBytes = import.MaxWordBytes,
        Error = error,
    };

    private async Task<WordImportAltViewModel> AltPageAsync(WordImportAltInputModel input, IReadOnlyList<string> notes, string? error, CancellationToken cancellationToken) => new()
    {
        Input = input,
        Sections = await SectionsAsync(cancellationToken),
        Notes = notes,
        Error = error,
    };
}
