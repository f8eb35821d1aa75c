using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Media;

namespace Portal.Core.Backup;

/// <summary>
/// Removes what a restore that did not finish (killed, or the machine stopped) left beside the
/// media folder: its staging folder, the old media folder it had moved aside, and its lock file
/// (<see cref="MediaFolderSwap"/>). Runs at every start of the portal or a verb, and before every
/// restore. Two kinds are kept: the folders of a restore that is still running (it holds its lock),
/// and a folder holding images that the store refers to and the media folder lacks: a restore whose
/// database committed but whose folder swap did not happen, where those may be the only copy. Each
/// kept folder is logged as a warning naming it.
/// </summary>
public sealed class RestoreLeftovers(PortalDbContext db, MediaFolder media, ILogger logger)
{
    /// <summary>Removes every leftover of a finished or killed restore; see the class.</summary>
    public async Task RemoveAsync(CancellationToken cancellationToken = default)
    {
        var parent = Path.GetDirectoryName(media.Path)!;
        if (!Directory.Exists(parent))
        {
            return;
        }

        var pattern = LeftoverPattern(Path.GetFileName(media.Path));
        var runs = Directory.EnumerateFileSystemEntries(parent, Path.GetFileName(media.Path) + MediaFolderSwap.Infix + "*")
            .Select(path => (Path: path, Match: pattern.Match(Path.GetFileName(path))))
            .Where(e => e.Match.Success)
            .GroupBy(e => e.Match.Groups["id"].Value, e => e.Path)
            .ToList();
        var neededRead = false;
        HashSet<string>? needed = null;
        foreach (var run in runs)
        {
            using var claimed = MediaFolderSwap.TryLock(media.Path + MediaFolderSwap.Infix + run.Key + MediaFolderSwap.LockSuffix, FileMode.OpenOrCreate);
            if (claimed is null)
            {
                logger.LogInformation("A restore is running ({Run}): its folders beside {Media} are left alone", run.Key, media.Path);
                continue;
            }

            foreach (var folder in run.Where(Directory.Exists))
            {
                if (!neededRead)
                {
                    needed = await NeededImagesAsync(cancellationToken);
                    neededRead = true;
                }

                if (needed is null || Directory.EnumerateFiles(folder).Any(f => needed.Contains(Path.GetFileName(f))))
                {
                    logger.LogWarning(
                        "{Folder} was left by a restore that did not finish and holds images the store refers to that are missing from {Media}: it is kept; move them into {Media} by hand",
                        folder, media.Path, media.Path);
                    continue;
                }

                try
                {
                    Directory.Delete(folder, recursive: true);
                    logger.LogInformation("Removed {Folder}, left by a restore that did not finish", folder);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    logger.LogWarning(ex, "{Folder} was left by a restore that did not finish and could not be removed", folder);
                }
            }
        }
    }

    /// <summary>
    /// The stored names of images the store refers to that the media folder lacks; null (keep
    /// everything) when the store cannot be read, e.g. not migrated yet.
    /// </summary>
    private async Task<HashSet<string>?> NeededImagesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var rows = await db.MediaFiles.AsNoTracking().Select(m => new { m.StoredName, m.ListVariantName }).ToListAsync(cancellationToken);
            var names = rows.Select(r => r.StoredName).Concat(rows.Where(r => r.ListVariantName != null).Select(r => r.ListVariantName!));
            return names.Where(n => !File.Exists(Path.Combine(media.Path, n))).ToHashSet(StringComparer.Ordinal);
        }
        catch (DbException ex)
        {
            logger.LogWarning(ex, "The store could not be read, so folders left by a restore beside {Media} are kept", media.Path);
            return null;
        }
    }

    /// <summary><c>media.restore-{id}</c>, <c>….old</c> and <c>….lock</c>, with the run's id (32 hex digits) and nothing else.</summary>
    private static Regex LeftoverPattern(string mediaName) =>
        new("^" + Regex.Escape(mediaName + MediaFolderSwap.Infix) + "(?<id>[0-9a-f]{32})(?:" + Regex.Escape(MediaFolderSwap.OldSuffix) + "|" + Regex.Escape(MediaFolderSwap.LockSuffix) + ")?$", RegexOptions.CultureInvariant);
}
