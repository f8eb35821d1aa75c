namespace Portal.Core.Data;

/// <summary>
/// Files that only the portal's own account may read or write (mode 0600 on Unix): the SQLite
/// database and backup archives, which hold the accounts' password hashes. On Windows the folder's
/// access rules apply instead; nothing is changed there.
/// </summary>
public static class PrivateFile
{
    /// <summary>Read and write for the owner, nothing for anyone else (0600).</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Opens <paramref name="path"/> for writing, created or emptied, with mode 0600 even if it existed with another.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation, so the file is never readable by others, not even for a moment.
            options.UnixCreateMode = Mode;
        }

        var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            // A file that already existed keeps its mode through FileMode.Create.
            File.SetUnixFileMode(stream.SafeFileHandle, Mode);
        }

        return stream;
    }

    /// <summary>Creates <paramref name="path"/> empty with mode 0600 if it does not exist; an existing file is restricted to 0600.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = Mode });
        }

        File.SetUnixFileMode(path, Mode);
    }
}
