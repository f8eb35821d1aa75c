using Portal.Core.Site;

namespace Portal.Core.Sections;

/// <summary>
/// Finds the section a requested path names, for every address built on a section's path (its
/// page, its feed): the section at that path, in any letter case or with stray slashes, or the
/// section that used to live there before a slug change or a move.
/// </summary>
public sealed class SectionLocator(SiteContext site, SectionRedirectLookup redirects)
{
    /// <summary>The section <paramref name="path"/> leads to, or null when it leads to none.</summary>
    public async Task<SectionLocation?> LocateAsync(string? path, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var sections = await site.GetSectionsAsync(cancellationToken);
        if (sections.FindByPath(path) is { } section)
        {
            return new SectionLocation(section, string.Equals(path, section.Path, StringComparison.Ordinal));
        }

        return await redirects.FindSectionIdAsync(path, cancellationToken) is { } movedId && sections.Find(movedId) is { } moved
            ? new SectionLocation(moved, IsCanonical: false)
            : null;
    }
}
