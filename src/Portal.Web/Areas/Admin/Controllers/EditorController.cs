using Microsoft.AspNetCore.Mvc;
using Portal.Core.Articles;
using Portal.Core.Writing;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// The body editor's server side: a paste (clipboard HTML and plain text) converted to the
/// portal's Markdown by <see cref="ClipboardConverter"/>, with the renderer's HTML for the preview.
/// </summary>
public sealed class EditorController(MarkdownRenderer renderer) : AdminController
{
    /// <summary>
    /// Form values up to twice the converter's limit are read, so that a paste somewhat over the
    /// limit gets the converter's message rather than a bare refusal of the form.
    /// </summary>
    private const int FormValueLimit = 2 * ClipboardConverter.MaxInputChars;

    /// <summary>Two fields at the limit, percent-encoded Chinese (9 bytes a character) included.</summary>
    private const long RequestLimit = 80L * 1024 * 1024;

    [HttpPost("/admin/editor/paste")]
    [RequestFormLimits(ValueLengthLimit = FormValueLimit)]
    [RequestSizeLimit(RequestLimit)]
    public IActionResult Paste([FromForm] string? html, [FromForm] string? text)
    {
        ClipboardConversion conversion;
        try
        {
            conversion = ClipboardConverter.Convert(html, text);
        }
        catch (ConversionRefusedException ex)
        {
            return BadRequest(new { error = ex.Message });
        }

        try
        {
            return Json(new { markdown = conversion.Markdown, html = renderer.Render(conversion.Markdown), notes = conversion.Notes });
        }
        catch (MarkdownTooDeepException)
        {
            return BadRequest(new { error = "粘贴的内容嵌套层次过深，无法转换，请分段粘贴。" });
        }
    }
}
