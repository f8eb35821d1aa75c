using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Import;

/// <summary>Settings of the importer and of seeding on first start (section <c>Import</c>).</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>
    /// The folder imported when the store is empty at start-up. Relative paths are resolved
    /// against the application's folder, where the build copies the repository's <c>seeds/</c>.
    /// Default <c>seeds</c>.
    /// </summary>
    [Required]
    public string SeedPath { get; set; } = "seeds";

    /// <summary>
    /// Whether start-up imports <see cref="SeedPath"/> into an empty store. Default: true for
    /// SQLite; false for the server databases, where several servers may start at once and
    /// seeding is a deployment step (the <c>import</c> verb).
    /// </summary>
    public bool? SeedOnStartup { get; set; }

    /// <summary>The largest file the importer reads, in bytes (default 5 MiB); a larger one is refused.</summary>
    [Range(1, int.MaxValue)]
    public int MaxFileBytes { get; set; } = 5 * 1024 * 1024;
}
