using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Writing;

/// <summary>Paste and Word import limits (section <c>Writing</c>).</summary>
public sealed class WritingOptions
{
    public const string SectionName = "Writing";

    /// <summary>
    /// The largest Word document an editor may import, in bytes. Default 20 MiB (20 971 520).
    /// At most 25 MiB: Kestrel refuses request bodies over 30 000 000 bytes by default.
    /// </summary>
    [Range(1, 25L * 1024 * 1024, ErrorMessage = "Writing:MaxWordBytes must be between 1 and 26214400 (25 MiB).")]
    public long MaxWordBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// The most a document's parts may add up to once unpacked, in bytes (a zip bomb stops here
    /// before anything is decompressed). Default 200 MiB.
    /// </summary>
    [Range(1024, 2L * 1024 * 1024 * 1024, ErrorMessage = "Writing:MaxWordUncompressedBytes must be between 1024 and 2147483648 (2 GiB).")]
    public long MaxWordUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The most entries a document's package may hold. Default 2000.</summary>
    [Range(10, 100_000, ErrorMessage = "Writing:MaxWordParts must be between 10 and 100000.")]
    public int MaxWordParts { get; set; } = 2000;
}
