using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Core.Articles;
using Portal.Core.Sections;

namespace Portal.Core.Search;

/// <summary>
/// Writes the change log from what a save is about to store, so no command can forget it: every
/// added, changed or removed article and every moved or removed section becomes a
/// <see cref="ContentChange"/> row in the same <c>SaveChanges</c> (and so the same transaction).
/// Statements that bypass the change tracker (<c>ExecuteUpdate</c>, a restore) add their rows
/// themselves with <see cref="Add"/>.
/// </summary>
public static class ContentChangeRecorder
{
    /// <summary>
    /// Past this many articles in one save (a bulk load), one <see cref="ContentChangeKind.All"/>
    /// row replaces the per-article rows: rebuilding is then cheaper than following them one by one.
    /// </summary>
    public const int BulkThreshold = 1000;

    /// <summary>Adds the change rows of the pending save to the tracker (called by the context before each save).</summary>
    public static void Record(ChangeTracker tracker, DateTime now)
    {
        var articles = new HashSet<string>(StringComparer.Ordinal);
        var sections = new HashSet<int>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Article article:
                    articles.Add(article.UrlKey);

                    // A key is written once, but a change of it must not leave the old document behind.
                    if (entry.State == EntityState.Modified && entry.Property(nameof(Article.UrlKey)).OriginalValue is string old && old != article.UrlKey)
                    {
                        articles.Add(old);
                    }

                    break;

                // What the index holds of a section is its place in the tree (a search in a section
                // includes its sub-sections): a move or a removal changes it; a new section has no
                // articles yet, and a new name, order or description is not in any document.
                case Section section when entry.State == EntityState.Deleted
                    || (entry.State == EntityState.Modified && entry.Property(nameof(Section.ParentId)) is var parent
                        && (parent.IsModified || !Equals(parent.OriginalValue, parent.CurrentValue))):
                    sections.Add(section.Id);
                    break;
            }
        }

        if (articles.Count > BulkThreshold)
        {
            Add(tracker.Context, ContentChangeKind.All, null, now);
            return;
        }

        foreach (var key in articles.Where(k => k.Length > 0).Order(StringComparer.Ordinal))
        {
            Add(tracker.Context, ContentChangeKind.Article, key, now);
        }

        foreach (var id in sections.Order())
        {
            Add(tracker.Context, ContentChangeKind.Section, id.ToString(System.Globalization.CultureInfo.InvariantCulture), now);
        }
    }

    /// <summary>Adds one change row to <paramref name="db"/>'s next save.</summary>
    public static void Add(DbContext db, ContentChangeKind kind, string? key, DateTime now) =>
        db.Set<ContentChange>().Add(new ContentChange { Kind = kind, Key = key, At = now });
}
