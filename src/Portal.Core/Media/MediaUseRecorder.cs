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
        var names = NamesOf(wanted);
        var ids = names.Count == 0 ? [] : IdsOf(await FilesNamed(db, names).ToListAsync(cancellationToken));
        var existingIds = ExistingIdsOf(changed);
        var existing = existingIds.Count == 0 ? [] : await StoredUsesOf(db, existingIds).ToListAsync(cancellationToken);
        Apply(db, wanted, ids, existing);
    }

    /// <summary>The same as <see cref="RecordAsync"/>, for the context's synchronous save.</summary>
    public static void Record(PortalDbContext db)
    {
        var changed = Changed(db);
        if (changed.Count == 0)
        {
            return;
        }

        var wanted = changed.ToDictionary(e => e, e => Wanted(e.Entity));
        var names = NamesOf(wanted);
        var ids = names.Count == 0 ? [] : IdsOf(FilesNamed(db, names).ToList());
        var existingIds = ExistingIdsOf(changed);
        var existing = existingIds.Count == 0 ? [] : StoredUsesOf(db, existingIds).ToList();
        Apply(db, wanted, ids, existing);
    }

    /// <summary>Writes the uses of every article from scratch: after a restore, or to repair.</summary>
    public static async Task<int> RebuildAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var written = 0;
        await db.Set<MediaUse>().ExecuteDeleteAsync(cancellationToken);
        var ids = IdsOf(await db.MediaFiles.AsNoTracking().Select(m => new FileNames(m.Id, m.StoredName, m.ListVariantName)).ToListAsync(cancellationToken));

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

    /// <summary>A file's id with the names a body may use for it (the image and its small copy).</summary>
    private sealed record FileNames(int Id, string StoredName, string? ListVariantName);

    private static List<string> NamesOf(Dictionary<EntityEntry<Article>, (int? Cover, IReadOnlyList<string> Names)> wanted) =>
        wanted.Values.SelectMany(w => w.Names).Distinct().ToList();

    private static IQueryable<FileNames> FilesNamed(PortalDbContext db, List<string> names) =>
        db.MediaFiles.AsNoTracking()
            .Where(m => names.Contains(m.StoredName) || (m.ListVariantName != null && names.Contains(m.ListVariantName)))
            .Select(m => new FileNames(m.Id, m.StoredName, m.ListVariantName));

    /// <summary>Each name a body may use, with its file's id.</summary>
    private static Dictionary<string, int> IdsOf(IEnumerable<FileNames> files)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in files)
        {
            ids[m.StoredName] = m.Id;
            if (m.ListVariantName is not null)
            {
                ids[m.ListVariantName] = m.Id;
            }
        }

        return ids;
    }

    private static List<int> ExistingIdsOf(List<EntityEntry<Article>> changed) =>
        changed.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToList();

    private static IQueryable<MediaUse> StoredUsesOf(PortalDbContext db, List<int> articleIds) =>
        db.Set<MediaUse>().Where(u => articleIds.Contains(u.ArticleId));

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
