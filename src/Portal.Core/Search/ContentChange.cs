namespace Portal.Core.Search;

/// <summary>
/// One row of the change log: something readers may see differently now. Written in the same
/// transaction as the change itself (by <see cref="Data.PortalDbContext"/> on every save, and by
/// the few bulk statements that bypass it), and read in id order by every server's indexer, each
/// remembering how far it got in its own index. Rows are never updated.
/// </summary>
public class ContentChange
{
    public long Id { get; set; }

    public ContentChangeKind Kind { get; set; }

    /// <summary>
    /// What changed: an article's <see cref="Articles.Article.UrlKey"/> (stable and known before
    /// the insert, unlike its id) or a section's id; null for <see cref="ContentChangeKind.All"/>.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>When the change was written, in UTC.</summary>
    public DateTime At { get; set; }
}
