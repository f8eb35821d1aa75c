namespace Portal.Core.Data;

/// <summary>
/// The maximum lengths of text columns, in characters. One place for the model configuration and
/// for every input check (importer, later the admin forms), so a value that passes the check
/// always fits the column on every provider (SQLite ignores lengths; SQL Server and PostgreSQL do not).
/// </summary>
public static class FieldLengths
{
    public const int UrlKey = 32;
    public const int ImportKey = 64;
    public const int Title = 200;
    public const int Source = 100;
    public const int SectionName = 100;
    public const int SectionDescription = 300;
    public const int MenuLabel = 50;
    public const int Slug = 100;
    public const int GroupName = 50;
    public const int LinkText = 100;
    public const int Url = 500;
    public const int SiteName = 100;
    public const int Organisation = 100;
    public const int RecordNumber = 50;
    public const int SiteCode = 20;
    public const int Address = 200;
    public const int Postcode = 10;
    public const int Label = 50;
    public const int Summary = 500;
    public const int Keywords = 200;
    public const int Comment = 500;
    public const int UserId = 450;
    public const int DisplayName = 50;

    /// <summary>
    /// The name an audit entry keeps: a display name, or a user name, or what a failed login typed
    /// (up to five display names' worth, so nothing an inspector needs is cut).
    /// </summary>
    public const int AuditUserName = DisplayName * 5;
    public const int Phone = 50;
    public const int Email = 100;
    public const int AuditAction = 50;
    public const int AuditTarget = 50;
    public const int AuditDetails = 2000;
    public const int IpAddress = 64;
    public const int UserAgent = 200;
    public const int SessionId = 64;
    public const int PasswordHash = 500;
    public const int SessionEndReason = 32;
    public const int StoredName = 64;
    public const int FileName = 255;
    public const int ContentType = 100;
    public const int SectionPath = 300;
    public const int RevisionNote = 100;

    /// <summary>A preview link's token hash: SHA-256 in hex.</summary>
    public const int PreviewTokenHash = 64;
    public const int AltText = 200;
    public const int InspectionRule = 32;
    public const int MessageTitle = 100;
    public const int MessageBody = 2000;
    public const int MessageReply = 4000;
    public const int MessageNote = 1000;
    public const int WriterName = 50;
    public const int MobilePhone = 11;
    public const int DepartmentName = 50;
    public const int CalendarDayName = 20;

    /// <summary>A SHA-256 hash in hex (查询码, the duplicate check).</summary>
    public const int Sha256Hex = 64;
}
