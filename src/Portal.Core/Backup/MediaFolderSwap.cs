using Microsoft.Extensions.Logging;
using Portal.Core.Media;

namespace Portal.Core.Backup;

/// <summary>
/// One restore's staging folder beside the media folder (<c>media.restore-…</c>): the reader
/// unpacks the archive's images into it, and after the commit it takes the media folder's place.
/// Disposing removes it unless it was swapped in or had to be kept.
/// </summary>
internal sealed class MediaFolderSwap : IDisposable
{
    private readonly MediaFolder _media;
    private bool _keep;

    private MediaFolderSwap(MediaFolder media, string id)
    {
        _media = media;
        StagingPath = media.Path + ".restore-" + id;
        ReplacedPath = media.Path + ".replaced-" + id;
    }

    /// <summary>Where the archive's images are unpacked.</summary>
    public string StagingPath { get; }

    /// <summary>Where the current media folder is moved aside during the swap.</summary>
    private string ReplacedPath { get; }

    /// <summary>A new, unique staging folder's place for a restore into <paramref name="media"/> (not yet created).</summary>
    public static MediaFolderSwap Begin(MediaFolder media) => new(media, Guid.NewGuid().ToString("N"));

    /// <summary>
    /// After the commit: the staging folder takes the place of the media folder. If that fails,
    /// the old folder is put back where possible and the error names both folders, since the
    /// database already holds the archive's rows (the staging folder is then kept); a leftover
    /// old folder is only a warning.
    /// </summary>
    /// <exception cref="BackupException">The folders could not be swapped.</exception>
    public void SwapIn(ILogger logger)
    {
        try
        {
            if (Directory.Exists(_media.Path))
            {
                Directory.Move(_media.Path, ReplacedPath);
            }

            Directory.Move(StagingPath, _media.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _keep = true;
            if (!Directory.Exists(_media.Path) && Directory.Exists(ReplacedPath))
            {
                Directory.Move(ReplacedPath, _media.Path);
            }

            throw new BackupException(
                $"The database was restored, but the media folder could not be replaced ({ex.Message}). The restored images are in {StagingPath}; move them into {_media.Path} by hand.", ex);
        }

        try
        {
            if (Directory.Exists(ReplacedPath))
            {
                Directory.Delete(ReplacedPath, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Restore finished, but the previous media folder {Folder} could not be removed", ReplacedPath);
        }
    }

    /// <summary>Removes the staging folder unless it holds the only copy of restored images.</summary>
    public void Dispose()
    {
        if (!_keep && Directory.Exists(StagingPath))
        {
            Directory.Delete(StagingPath, recursive: true);
        }
    }
}
