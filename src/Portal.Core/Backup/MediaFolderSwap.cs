using Microsoft.Extensions.Logging;
using Portal.Core.Media;

namespace Portal.Core.Backup;

/// <summary>
/// One restore's folders beside the media folder, named after the run: the staging folder
/// <c>media.restore-{id}</c> that the reader unpacks the archive's images into, which after the
/// commit takes the media folder's place (the old one moved aside to <c>media.restore-{id}.old</c>
/// and removed), and the lock file <c>media.restore-{id}.lock</c>, held open for the whole restore
/// so that <see cref="RestoreLeftovers"/> never removes the folders of a restore that is running.
/// Disposing removes the staging folder unless it was swapped in or must be kept, and the lock.
/// </summary>
internal sealed class MediaFolderSwap : IDisposable
{
    private readonly MediaFolder _media;
    private readonly FileStream _lock;
    private bool _keep;

    private MediaFolderSwap(MediaFolder media, string id)
    {
        _media = media;
        StagingPath = media.Path + Infix + id;
        ReplacedPath = StagingPath + OldSuffix;
        Directory.CreateDirectory(Path.GetDirectoryName(media.Path)!);
        _lock = TryLock(StagingPath + LockSuffix, FileMode.CreateNew)
            ?? throw new BackupException($"Restore failed, nothing was changed: the lock file {StagingPath + LockSuffix} could not be created.");
    }

    /// <summary>Between the media folder's name and a run's id.</summary>
    internal const string Infix = ".restore-";

    internal const string OldSuffix = ".old";

    internal const string LockSuffix = ".lock";

    /// <summary>Where the archive's images are unpacked.</summary>
    public string StagingPath { get; }

    /// <summary>Where the current media folder is moved aside during the swap.</summary>
    private string ReplacedPath { get; }

    /// <summary>A new restore run into <paramref name="media"/>: its lock taken, its staging folder not yet created.</summary>
    public static MediaFolderSwap Begin(MediaFolder media) => new(media, Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Opens <paramref name="lockPath"/> exclusively (an advisory lock on Unix, a sharing lock on
    /// Windows; either ends with the process, however it ends), deleted when closed; null if
    /// another process (or run) holds it.
    /// </summary>
    internal static FileStream? TryLock(string lockPath, FileMode mode)
    {
        try
        {
            return new FileStream(lockPath, mode, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

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

    /// <summary>Removes the staging folder unless it holds the only copy of restored images, then the lock.</summary>
    public void Dispose()
    {
        try
        {
            if (!_keep && Directory.Exists(StagingPath))
            {
                Directory.Delete(StagingPath, recursive: true);
            }
        }
        finally
        {
            _lock.Dispose();
        }
    }
}
