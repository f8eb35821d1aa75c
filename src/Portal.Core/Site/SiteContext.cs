using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Sections;

namespace Portal.Core.Site;

/// <summary>A footer link group as readers see it.</summary>
public sealed record FooterGroup(string Name, IReadOnlyList<FooterLinkItem> Links);

/// <summary>A footer link; <see cref="Url"/> is null when the address is unknown (shown as text).</summary>
public sealed record FooterLinkItem(string Text, string? Url);

/// <summary>
/// What every page of a request shares (the section tree, the site settings, the footer), read
/// at most once per request however many view components ask. Scoped.
/// </summary>
public sealed class SiteContext(PortalDbContext db)
{
    private SectionTree? _sections;
    private SiteSettings? _settings;
    private IReadOnlyList<FooterGroup>? _footer;

    public async Task<SectionTree> GetSectionsAsync(CancellationToken cancellationToken = default) =>
        _sections ??= await SectionTree.LoadAsync(db, cancellationToken);

    /// <summary>The site settings; an empty set (no name yet) before anything was imported.</summary>
    public async Task<SiteSettings> GetSettingsAsync(CancellationToken cancellationToken = default) =>
        _settings ??= await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId).FirstOrDefaultAsync(cancellationToken) ?? new SiteSettings();

    public async Task<IReadOnlyList<FooterGroup>> GetFooterAsync(CancellationToken cancellationToken = default)
    {
        if (_footer is null)
        {
            var groups = await db.FooterLinkGroups.AsNoTracking()
                .OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
                .Select(g => new
                {
                    g.Name,
                    Links = g.Links.OrderBy(l => l.SortOrder).ThenBy(l => l.Id).Select(l => new FooterLinkItem(l.Text, l.Url)).ToList(),
                })
                .ToListAsync(cancellationToken);
            _footer = groups.Select(g => new FooterGroup(g.Name, g.Links)).ToList();
        }

        return _footer;
    }
}
