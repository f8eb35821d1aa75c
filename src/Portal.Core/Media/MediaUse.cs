namespace Portal.Core.Media;

/// <summary>How an article uses a media file.</summary>
public enum MediaUseKind
{
    Cover = 1,
    Body = 2,
}

/// <summary>
/// One article's use of one media file, kept by <see cref="MediaUseRecorder"/> whenever an
/// article's body or cover is written (editor, importer, demo seed, restore alike), so "where is
/// this file used" and "may readers see it" are index lookups, not a scan of every body.
/// Not carried in backups: rebuilt from the restored articles.
/// </summary>
public class MediaUse
{
    public int MediaFileId { get; set; }

    public int ArticleId { get; set; }

    public MediaUseKind Kind { get; set; }
}
