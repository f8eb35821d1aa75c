using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Sections;

/// <summary>Finds the section an old path (from before a slug change or a move) belongs to now.</summary>
public sealed class SectionRedirectLookup(PortalDbContext db)
{
    /// <summary>The id of the section that used to live at <paramref name="path"/>; null when none did.</summary>
    public async Task<int?> FindSectionIdAsync(string path, CancellationToken cancellationToken = default)
    {
        // Old paths are stored lower-case without slashes at either end, as SectionTree builds them.
        var key = path.Trim('/').ToLowerInvariant();
        if (key.Length == 0 || key.Length > FieldLengths.SectionPath)
        {
            return null;
        }

        return await db.SectionRedirects.AsNoTracking().Where(r => r.OldPath == key)
            .Select(r => (int?)r.SectionId).FirstOrDefaultAsync(cancellationToken);
    }
}
