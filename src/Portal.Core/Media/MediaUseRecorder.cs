using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Core.Articles;
using Portal.Core.Data;

namespace Portal.Core.Media;

/// <summary>
/// Keeps <see cref="MediaUse"/> rows in step with articles, from inside
/// <see cref="PortalDbContext.SaveChangesAsync(bool, CancellationToken)"/>: whichever path writes
/// an article's body or cover (the editor, the importer, the demo seed, a restore), its uses are
/// written in the same save. An article whose body and cover did not change costs nothing.
/// </summary>
internal static class MediaUseRecorder
{
    public static async Task RecordAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var changed = Changed(db);
        if (changed.Count == 0)
        {
            return;
        }

        var wanted = changed.ToDictionary(e => e, e => Wanted(e.Entity));
        var names = wanted.Values.SelectMany(w => w.Names).Distinct().ToList();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        if (names.Count > 0)
        {
            foreach (var m in await db.MediaFiles.AsNoTracking()
                .Where(m => names.Contains(m.StoredName) || (m.ListVariantName != null && names.Contains(m.ListVariantName)))
                .Select(m => new { m.Id, m.StoredName, m.ListVariantName }).ToListAsync(cancellationToken))
            {
                ids[m.StoredName] = m.Id;
                if (m.ListVariantName is not null)
                {
                    ids[m.ListVariantName] = m.Id;
                }
            }
        }

        var existingIds = changed.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToList();
        var existing = existingIds.Count == 0 ? [] : await db.Set<MediaUse>().Where(u => existingIds.Contains(u.ArticleId)).ToListAsync(cancellationToken);
        Apply(db, wanted, ids, existing);
    }

    public static void Record(PortalDbContext db)
    {
        var changed = Changed(db);
        if (changed.Count == 0)
        {
            return;
        }

        var wanted = changed.ToDictionary(e => e, e => Wanted(e.Entity));
        var names = wanted.Values.SelectMany(w => w.Names).Distinct().ToList();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        if (names.Count > 0)
        {
            foreach (var m in db.MediaFiles.AsNoTracking()
                .Where(m => names.Contains(m.StoredName) || (m.ListVariantName != null && names.Contains(m.ListVariantName)))
                .Select(m => new { m.Id, m.StoredName, m.ListVariantName }).ToList())
            {
                ids[m.StoredName] = m.Id;
                if (m.ListVariantName is not null)
                {
                    ids[m.ListVariantName] = m.Id;
                }
            }
        }

        var existingIds = changed.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToList();
        var existing = existingIds.Count == 0 ? [] : db.Set<MediaUse>().Where(u => existingIds.Contains(u.ArticleId)).ToList();
        Apply(db, wanted, ids, existing);
    }

    /// <summary>Writes the uses of every article from scratch: after a restore, or to repair.</summary>
    public static async Task<int> RebuildAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var written = 0;
        await db.Set<MediaUse>().ExecuteDeleteAsync(cancellationToken);
        var files = await db.MediaFiles.AsNoTracking().Select(m => new { m.Id, m.StoredName, m.ListVariantName }).ToListAsync(cancellationToken);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in files)
        {
            ids[m.StoredName] = m.Id;
            if (m.ListVariantName is not null)
            {
                ids[m.ListVariantName] = m.Id;
            }
        }

        var lastId = 0;
        while (true)
        {
            var batch = await db.Articles.AsNoTracking().Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(1000)
                .Select(a => new { a.Id, a.BodyMarkdown, a.CoverImageId }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return written;
            }

            foreach (var a in batch)
            {
                foreach (var use in UsesOf(a.Id, a.CoverImageId, MediaReferences.StoredNamesIn(a.BodyMarkdown), ids))
                {
                    db.Add(use);
                    written++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
        }
    }

    private static List<EntityEntry<Article>> Changed(PortalDbContext db) =>
        db.ChangeTracker.Entries<Article>()
            .Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && (e.Property(a => a.BodyMarkdown).IsModified || e.Property(a => a.CoverImageId).IsModified)))
            .ToList();

    private static (int? Cover, IReadOnlyList<string> Names) Wanted(Article article) =>
        (article.CoverImageId, MediaReferences.StoredNamesIn(article.BodyMarkdown));

    private static void Apply(PortalDbContext db, Dictionary<EntityEntry<Article>, (int? Cover, IReadOnlyList<string> Names)> wanted, Dictionary<string, int> ids, List<MediaUse> existing)
    {
        foreach (var (entry, (cover, names)) in wanted)
        {
            // An added article's id is still temporary: EF puts the real one into the uses' foreign key.
            var articleId = entry.Property(a => a.Id).CurrentValue;
            var desired = UsesOf(articleId, cover, names, ids);
            var mine = existing.Where(u => u.ArticleId == articleId).ToList();
            foreach (var old in mine.Where(o => !desired.Exists(d => d.MediaFileId == o.MediaFileId && d.Kind == o.Kind)))
            {
                db.Remove(old);
            }

            foreach (var use in desired.Where(d => !mine.Exists(o => o.MediaFileId == d.MediaFileId && o.Kind == d.Kind)))
            {
                db.Add(use);
            }
        }
    }

    private static List<MediaUse> UsesOf(int articleId, int? cover, IReadOnlyList<string> names, Dictionary<string, int> ids)
    {
        var uses = new List<MediaUse>();
        if (cover is { } coverId)
        {
            uses.Add(new MediaUse { ArticleId = articleId, MediaFileId = coverId, Kind = MediaUseKind.Cover });
        }

        foreach (var id in names.Where(ids.ContainsKey).Select(n => ids[n]).Distinct())
        {
            uses.Add(new MediaUse { ArticleId = articleId, MediaFileId = id, Kind = MediaUseKind.Body });
        }

        return uses;
    }
}
