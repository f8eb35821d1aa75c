namespace Portal.Core.Backup;

/// <summary>
/// A backup or restore that could not be done: an unreadable or damaged archive, an unknown
/// format version, a non-empty target without <c>--force</c>, or a restore the database refused
/// (rolled back). The message is English and names the problem; the verbs print it as it is.
/// </summary>
public sealed class BackupException : Exception
{
    public BackupException(string message)
        : base(message)
    {
    }

    public BackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
