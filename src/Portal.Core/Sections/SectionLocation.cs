namespace Portal.Core.Sections;

/// <summary>Where a requested section path led (<see cref="SectionLocator"/>).</summary>
/// <param name="Section">The section.</param>
/// <param name="IsCanonical">
/// Whether the path asked for is exactly the section's own path; when it is not (other letter
/// case, stray slashes, an old path), the address answers with a permanent redirect to the canonical one.
/// </param>
public sealed record SectionLocation(SectionNode Section, bool IsCanonical);
