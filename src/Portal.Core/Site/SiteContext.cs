using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Media;
using Portal.Core.Sections;

namespace Portal.Core.Site;

/// <summary>The site's identity as pages show it (header, footer, 联系我们): a read-only projection of <see cref="SiteSettings"/>.</summary>
public sealed record SiteIdentity(
    string SiteName,
    string? Sponsor,
    string? CopyrightHolder,
    string? IcpNumber,
    string? PublicSecurityNumber,
    string? SiteCode,
    string? Address,
    string? Postcode,
    string? Maintainer,
    string? ErrorReportLabel,
    string? WeChatLabel,
    string? Phone = null,
    string? Email = null,
    string? WeChatQrUrl = null,
    string? GovBadgeUrl = null)
{
    /// <summary>The identity of a store that nothing has been imported into yet.</summary>
    public static SiteIdentity Empty { get; } = new("", null, null, null, null, null, null, null, null, null, null);
}

/// <summary>A footer link group as readers see it.</summary>
public sealed record FooterGroup(string Name, IReadOnlyList<FooterLinkItem> Links);

/// <summary>A footer link; <see cref="Url"/> is null when the address is unknown (shown as text).</summary>
public sealed record FooterLinkItem(string Text, string? Url);

/// <summary>
/// What every page of a request shares (the section tree, the site settings, the footer), read
/// at most once per request however many view components ask. Scoped.
/// </summary>
public sealed class SiteContext(PortalDbContext db, TimeProvider time)
{
    private SectionTree? _sections;
    private SiteIdentity? _identity;
    private IReadOnlyList<FooterGroup>? _footer;

    /// <summary>The section tree as readers see it now (sections hidden while empty marked, <see cref="SectionTree.LoadForReadersAsync"/>).</summary>
    public async Task<SectionTree> GetSectionsAsync(CancellationToken cancellationToken = default) =>
        _sections ??= await SectionTree.LoadForReadersAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>The site's identity; <see cref="SiteIdentity.Empty"/> before anything was imported.</summary>
    public async Task<SiteIdentity> GetIdentityAsync(CancellationToken cancellationToken = default) =>
        _identity ??= await db.SiteSettings.AsNoTracking()
            .Where(s => s.Id == SiteSettings.SingletonId)
            .Select(s => new SiteIdentity(
                s.SiteName, s.Sponsor, s.CopyrightHolder, s.IcpNumber, s.PublicSecurityNumber, s.SiteCode,
                s.Address, s.Postcode, s.Maintainer, s.ErrorReportLabel, s.WeChatLabel,
                s.Phone, s.Email,
                QrUrl(db.MediaFiles.Where(m => m.Id == s.WeChatQrImageId).Select(m => m.StoredName).FirstOrDefault()),
                s.GovBadgeUrl))
            .FirstOrDefaultAsync(cancellationToken) ?? SiteIdentity.Empty;

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

    // Evaluated on the client, on the query's last projection: the address is built in one place.
    private static string? QrUrl(string? storedName) => storedName is null ? null : MediaLibrary.UrlOf(storedName);
}
