using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Portal.Core.Media;

namespace Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Raises Kestrel's request-body limit (30 000 000 bytes) and the multipart limit for the upload
/// action alone, to the larger of <see cref="MediaOptions.MaxAttachmentBytes"/> and
/// <see cref="MediaOptions.MaxUploadBytes"/> plus room for the form's other fields, and reads the
/// form itself before the global <c>FormLimitsFilter</c> does, so that a script's upload past the
/// limit gets the JSON 413 of contract C2. The form reader buffers a file part to a temporary file
/// on disk past 64 KB, never whole in memory.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MediaUploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the antiforgery token and the multipart headers.</summary>
    public const long FormOverhead = 64 * 1024;

    /// <summary>Before <c>FormLimitsFilter</c> (order 0).</summary>
    public int Order => -100;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<MediaOptions>>().Value;
        var limit = Math.Max(options.MaxAttachmentBytes, options.MaxUploadBytes) + FormOverhead;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (!http.Request.HasFormContentType)
        {
            return;
        }

        var defaults = http.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            MultipartBodyLengthLimit = limit,
            ValueCountLimit = defaults.ValueCountLimit,
            KeyLengthLimit = defaults.KeyLengthLimit,
            ValueLengthLimit = defaults.ValueLengthLimit,
            MultipartHeadersLengthLimit = defaults.MultipartHeadersLengthLimit,
            MemoryBufferThreshold = defaults.MemoryBufferThreshold,
        }));
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            var tooLarge = ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            var status = tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            context.Result = MediaController.IsScript(http.Request)
                ? new ObjectResult(new { error = tooLarge ? $"文件过大，附件不能超过 {MediaLibrary.FormatSize(options.MaxAttachmentBytes)}，图片不能超过 {MediaLibrary.FormatSize(options.MaxUploadBytes)}。" : "上传未完成，请重试。" }) { StatusCode = status }
                : new StatusCodeResult(status);
        }
    }
}
