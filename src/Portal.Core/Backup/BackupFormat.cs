using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Media;
using Portal.Core.Preview;
using Portal.Core.Search;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Core.Backup;

/// <summary>
/// The portal backup archive, format <c>portal-backup</c> version 1 (docs/backup.md): one zip
/// file with <c>manifest.json</c>, one <c>tables/{name}.json</c> per table (a JSON array of rows,
/// one property per mapped column, ids included) and <c>media/{storedName}</c> per uploaded image.
/// </summary>
public static class BackupFormat
{
    /// <summary>The format name written to and required in the manifest.</summary>
    public const string Name = "portal-backup";

    /// <summary>The one version this code writes and reads. A change of the table files' shape needs a new version.</summary>
    public const int Version = 1;

    public const string ManifestEntry = "manifest.json";

    public const string TablePrefix = "tables/";

    public const string MediaPrefix = "media/";

    /// <summary>
    /// Every table, in dependency order: a table comes after every table it references, so rows
    /// are inserted in this order and deleted in the reverse one. Every entity type of the model
    /// must appear here (<see cref="CheckCovers"/> checks it), so a new table cannot be left
    /// out of backups silently.
    /// </summary>
    internal static IReadOnlyList<BackupTable> Tables { get; } =
    [
        new BackupTable<MediaFile>("media-files"),
        new BackupTable<Section>("sections"),
        new BackupTable<SectionRedirect>("section-redirects"),
        new BackupTable<FooterLinkGroup>("footer-link-groups"),
        new BackupTable<FooterLink>("footer-links"),
        new BackupTable<SiteSettings>("site-settings"),
        new BackupTable<IdentityRole>("roles"),
        new BackupTable<IdentityRoleClaim<string>>("role-claims"),
        new BackupTable<PortalUser>("users"),
        new BackupTable<IdentityUserRole<string>>("user-roles"),
        new BackupTable<IdentityUserClaim<string>>("user-claims"),
        new BackupTable<IdentityUserLogin<string>>("user-logins"),
        new BackupTable<IdentityUserToken<string>>("user-tokens"),
        new BackupTable<UserSection>("user-sections"),
        new BackupTable<Article>("articles"),
        new BackupTable<ArticleRevision>("article-revisions"),
        new BackupTable<ArticleApproval>("article-approvals"),
        new BackupTable<AuditEntry>("audit-entries"),
        new BackupTable<Home.HomeBlock>("home-blocks"),
        new BackupTable<Home.HomeBlockLink>("home-block-links"),
        new BackupTable<Messages.MessageDepartment>("message-departments"),
        new BackupTable<Messages.UserDepartment>("user-departments"),
        new BackupTable<Messages.MessageKindSetting>("message-kind-settings"),
        new BackupTable<Messages.CalendarDay>("calendar-days"),
        new BackupTable<Messages.Message>("messages"),
        new BackupTable<Messages.MessageNote>("message-notes"),
    ];

    /// <summary>
    /// Tables added to the format after archives were already written (the approvals of review
    /// levels): an archive that does not list one is read as holding none of its rows, so a
    /// backup made before the upgrade still restores.
    /// </summary>
    internal static IReadOnlySet<string> AddedLater { get; } = new HashSet<string>(StringComparer.Ordinal) { "article-approvals", "home-blocks", "home-block-links",
        "message-departments", "user-departments", "message-kind-settings", "calendar-days", "messages", "message-notes" };

    /// <summary>
    /// Tables an archive does not carry, with the reason. The change log (<see cref="ContentChange"/>)
    /// describes how this store reached its state, for this store's indexers: a restore appends a
    /// "rebuild everything" row to the target's own log instead of replacing it. Staff sessions
    /// (<see cref="StaffSession"/>) belong to the running store: a restore ends every session
    /// (the users they name are replaced), it never brings old ones back. The password history
    /// (<see cref="PasswordHistoryEntry"/>) is old password hashes, kept out of archives so a copy
    /// of an archive leaks no more of them than the current ones; it starts again after a restore.
    /// Preview links (<see cref="PreviewLink"/>) are short-lived secrets handed to one person: a
    /// restore removes them (every link of the replaced store stops working), it never revives old ones.
    /// Inspection runs, their findings and the link checker's results are computed from the content:
    /// the restored store is inspected again.
    /// </summary>
    internal static IReadOnlySet<Type> NotCarried { get; } = new HashSet<Type> { typeof(ContentChange), typeof(StaffSession), typeof(PasswordHistoryEntry), typeof(PreviewLink), typeof(MediaUse),
        typeof(Inspection.InspectionRun), typeof(Inspection.InspectionFinding), typeof(Inspection.LinkCheck) };

    /// <summary>
    /// A model change that adds a table or a column EF keeps outside the entity class would
    /// silently be missing from every archive: export and restore refuse to work until
    /// <see cref="Tables"/> (or <see cref="NotCarried"/>) covers it.
    /// </summary>
    /// <exception cref="BackupException">The model has a table or column the format does not carry.</exception>
    internal static void CheckCovers(IModel model)
    {
        var covered = Tables.Select(t => t.ClrType).ToHashSet();
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned() && !NotCarried.Contains(e.ClrType)))
        {
            if (!covered.Contains(entity.ClrType))
            {
                throw new BackupException($"The backup format does not cover the table of {entity.ClrType.Name}; add it to BackupFormat.Tables.");
            }

            if (entity.GetProperties().FirstOrDefault(p => p.PropertyInfo is null) is { } shadow)
            {
                throw new BackupException($"The backup format cannot carry the shadow column {entity.ClrType.Name}.{shadow.Name}.");
            }
        }
    }

    /// <summary>The media table's rows (found by type, whatever its place in <see cref="Tables"/>).</summary>
    internal static List<MediaFile> MediaFilesOf(IReadOnlyList<TableRows> tables) =>
        tables.Single(t => t.Table.ClrType == typeof(MediaFile)).Rows.Cast<MediaFile>().ToList();
}

/// <summary>
/// <c>manifest.json</c>: what the archive is, when it was made, and how many rows each table
/// file and how many media files it holds (restore checks every count).
/// </summary>
public sealed record BackupManifest
{
    [JsonPropertyName("format")]
    public string Format { get; init; } = BackupFormat.Name;

    [JsonPropertyName("formatVersion")]
    public int FormatVersion { get; init; } = BackupFormat.Version;

    /// <summary>When the archive was written, in UTC.</summary>
    [JsonPropertyName("createdUtc")]
    public DateTime CreatedUtc { get; init; }

    /// <summary>The EF Core provider of the store it was exported from (information only).</summary>
    [JsonPropertyName("sourceProvider")]
    public string? SourceProvider { get; init; }

    /// <summary>Rows per table file, by table name (<c>articles</c> → <c>tables/articles.json</c>).</summary>
    [JsonPropertyName("tables")]
    public Dictionary<string, int> Tables { get; init; } = [];

    /// <summary>The number of <c>media/</c> entries.</summary>
    [JsonPropertyName("mediaFiles")]
    public int MediaFiles { get; init; }
}

/// <summary>What an export or a restore did, as the verbs print it.</summary>
public sealed record BackupSummary(string Verb, int Rows, int MediaFiles, string File)
{
    public override string ToString() => Verb == "export"
        ? $"Exported {Rows} rows and {MediaFiles} media files to {File}."
        : $"Restored {Rows} rows and {MediaFiles} media files from {File}.";
}
