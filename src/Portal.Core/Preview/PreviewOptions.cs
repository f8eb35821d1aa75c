using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Preview;

/// <summary>Preview links (section <c>Preview</c>).</summary>
public sealed class PreviewOptions : IValidatableObject
{
    public const string SectionName = "Preview";

    /// <summary>The lifetime a new preview link is offered with, in hours; default 72 (three days). 1 to 720, at most <see cref="MaxLinkLifetimeHours"/>.</summary>
    [Range(1, 720, ErrorMessage = "Preview:LinkLifetimeHours must be between 1 and 720 hours.")]
    public int LinkLifetimeHours { get; set; } = 72;

    /// <summary>The longest lifetime a reviewer may give a link, in hours; default 720 (30 days). 1 to 8760.</summary>
    [Range(1, 8760, ErrorMessage = "Preview:MaxLinkLifetimeHours must be between 1 and 8760 hours.")]
    public int MaxLinkLifetimeHours { get; set; } = 720;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LinkLifetimeHours > MaxLinkLifetimeHours)
        {
            yield return new ValidationResult(
                "Preview:LinkLifetimeHours must not exceed Preview:MaxLinkLifetimeHours.",
                [nameof(LinkLifetimeHours), nameof(MaxLinkLifetimeHours)]);
        }
    }
}
