using Microsoft.EntityFrameworkCore;
using Portal.Core.Accounts;
using Portal.Core.Data;

namespace Portal.Core.Articles;

/// <summary>
/// Which sections' articles an account works with in the admin area (docs/decisions/0006):
/// an administrator is never limited; any other account (editor or reviewer) limited to some
/// sections (<c>UserSection</c> rows) sees and acts on those sections' articles only; no rows
/// means all sections.
/// </summary>
public static class SectionLimits
{
    /// <summary>The sections <paramref name="actor"/> is limited to, or null when they see every section.</summary>
    public static async Task<IReadOnlyCollection<int>?> OfAsync(PortalDbContext db, EditorialActor actor, CancellationToken cancellationToken = default)
    {
        if (actor.IsAdmin)
        {
            return null;
        }

        var sections = await UserQueries.SectionIdsOf(db, actor.UserId).ToListAsync(cancellationToken);
        return sections.Count == 0 ? null : sections;
    }

    /// <summary><paramref name="articles"/> restricted to <paramref name="sections"/> (null: unchanged).</summary>
    public static IQueryable<Article> Within(this IQueryable<Article> articles, IReadOnlyCollection<int>? sections) =>
        sections is null ? articles : articles.Where(a => sections.Contains(a.SectionId));
}
