using Portal.Core.Articles;
using Portal.Core.Site;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>The settings form with the images the QR code may be chosen from.</summary>
public sealed class SettingsFormViewModel
{
    public required SiteSettingsValues Input { get; init; }

    public required IReadOnlyList<Choice> Images { get; init; }

    /// <summary>The address of the current QR image, for a preview.</summary>
    public string? QrUrl { get; init; }
}
