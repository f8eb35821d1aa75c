using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Portal.Web.Hosting;

/// <summary>
/// Reads a posted form before anything else does, so that a form past a limit is answered 413
/// (提交的内容过大) with the error page: a key over <c>FormOptions.KeyLengthLimit</c> (2,048), a value
/// over <c>ValueLengthLimit</c> (4 MiB: a very long article), too many fields, or a body over
/// Kestrel's <c>MaxRequestBodySize</c> (30,000,000 bytes: a huge upload). Without it the
/// antiforgery filter is the first to read the form and turns every failure into a 400; and the
/// error page, re-executed on the same unreadable form, used to bind nothing and say 404.
/// </summary>
public sealed class FormLimitsFilter(ILogger<FormLimitsFilter> logger) : IAsyncAuthorizationFilter
{
    /// <summary>Its place among the global filters: before the antiforgery filter (<c>AutoValidateAntiforgeryTokenAttribute</c>, order 1000).</summary>
    public const int Order = 0;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType || context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IgnoreFormAttribute>() is not null)
        {
            return;
        }

        ApplyEndpointLimits(context.HttpContext);
        try
        {
            // Read once: MVC's binding and the antiforgery check reuse the parsed form.
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (InvalidDataException exception)
        {
            // The form reader's limits all say "… limit N exceeded."; anything else is a malformed form.
            var tooLarge = exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            logger.LogInformation("Refused a form that could not be read ({Reason}): {Message}", tooLarge ? "too large" : "malformed", exception.Message);
            context.Result = new StatusCodeResult(tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's own refusal: 413 past MaxRequestBodySize, 408 for a body sent too slowly, 400 otherwise.
            logger.LogInformation("Refused a request body ({StatusCode}): {Message}", exception.StatusCode, exception.Message);
            context.Result = new StatusCodeResult(exception.StatusCode);
        }
        catch (IOException exception)
        {
            // The client went away while sending: nobody reads the answer.
            logger.LogInformation("A form was not received completely: {Message}", exception.Message);
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>
    /// An action's own <c>[RequestSizeLimit]</c> and <c>[RequestFormLimits]</c> (the paste
    /// endpoint's larger values): MVC applies them in filters that run after this one, by which
    /// time the form has been read with the defaults, so they are applied here first.
    /// </summary>
    private static void ApplyEndpointLimits(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<IRequestSizeLimitMetadata>() is { } size
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = size.MaxRequestBodySize;
        }

        if (metadata?.GetMetadata<RequestFormLimitsAttribute>() is { } limits && context.Features.Get<IFormFeature>() is not { Form: not null })
        {
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
            {
                ValueLengthLimit = limits.ValueLengthLimit,
                ValueCountLimit = limits.ValueCountLimit,
                KeyLengthLimit = limits.KeyLengthLimit,
                MultipartBodyLengthLimit = limits.MultipartBodyLengthLimit,
                MultipartHeadersLengthLimit = limits.MultipartHeadersLengthLimit,
            }));
        }
    }
}
