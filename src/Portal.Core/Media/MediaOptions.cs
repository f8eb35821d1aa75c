using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Media;

/// <summary>Uploaded images (section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>
    /// The largest image an editor may upload, in bytes. Default 5 MiB (5 242 880): enough for a
    /// news photo, small enough that a page of them loads within the inspectors' 15 seconds.
    /// At most 25 MiB: Kestrel refuses request bodies over 30 000 000 bytes by default, before
    /// this limit could explain itself to the editor.
    /// </summary>
    [Range(1, 25L * 1024 * 1024, ErrorMessage = "Media:MaxUploadBytes must be between 1 and 26214400 (25 MiB).")]
    public long MaxUploadBytes { get; set; } = 5L * 1024 * 1024;
}

/// <summary>
/// The absolute folder uploaded images are stored in: <c>media</c> under the data folder, outside
/// <c>wwwroot</c>, so nothing uploaded is ever served by the static-file handler or executed.
/// </summary>
public sealed record MediaFolder(string Path);
