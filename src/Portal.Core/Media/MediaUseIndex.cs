using Portal.Core.Data;

namespace Portal.Core.Media;

/// <summary>
/// The media uses table as a whole, for start-up: the migration that introduced it cannot fill it
/// (that takes reading each body's Markdown), so the store initializer rebuilds it once, right
/// after applying <see cref="IntroducedByMigration"/>. Day to day the table is kept by
/// <see cref="PortalDbContext"/>'s save.
/// </summary>
public static class MediaUseIndex
{
    /// <summary>The name (without its timestamp) of the migration that created the table.</summary>
    public const string IntroducedByMigration = "WritingMediaAndPreview";

    /// <summary>Writes the uses of every article from scratch; returns how many were written.</summary>
    public static Task<int> RebuildAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        MediaUseRecorder.RebuildAsync(db, cancellationToken);
}
