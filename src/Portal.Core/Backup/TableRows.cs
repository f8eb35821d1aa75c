namespace Portal.Core.Backup;

/// <summary>One table's rows, as read from the store or from an archive.</summary>
internal sealed record TableRows(BackupTable Table, IReadOnlyList<object> Rows);
