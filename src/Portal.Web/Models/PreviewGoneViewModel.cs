namespace Portal.Web.Models;

/// <summary>The page of a preview link that no longer works (expired or revoked), answered with 410.</summary>
public sealed class PreviewGoneViewModel : PageViewModel
{
    public required string Message { get; init; }
}
