using System.ComponentModel.DataAnnotations;

namespace Portal.Core.Media;

/// <summary>Uploaded images and attachments (section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>
    /// The largest image an editor may upload, in bytes. Default 5 MiB (5 242 880): enough for a
    /// news photo, small enough that a page of them loads within the inspectors' 15 seconds.
    /// At most 25 MiB: a larger photo is re-encoded to a few hundred KB anyway.
    /// </summary>
    [Range(1, 25L * 1024 * 1024, ErrorMessage = "Media:MaxUploadBytes must be between 1 and 26214400 (25 MiB).")]
    public long MaxUploadBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>
    /// The largest attachment (附件: PDF, Word, Excel…) in bytes. Default 50 MiB (52 428 800); at
    /// most 1 GiB. The upload endpoint alone raises Kestrel's request limit to match.
    /// </summary>
    [Range(1, 1024L * 1024 * 1024, ErrorMessage = "Media:MaxAttachmentBytes must be between 1 and 1073741824 (1 GiB).")]
    public long MaxAttachmentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Images wider than this many pixels are scaled down on upload. Default 1600.</summary>
    [Range(320, 8000, ErrorMessage = "Media:MaxImageWidth must be between 320 and 8000.")]
    public int MaxImageWidth { get; set; } = 1600;

    /// <summary>The width in pixels of the smaller copy lists and cover thumbnails show. Default 480.</summary>
    [Range(120, 1600, ErrorMessage = "Media:ListImageWidth must be between 120 and 1600.")]
    public int ListImageWidth { get; set; } = 480;

    /// <summary>
    /// Images with more pixels than this (width × height, read from the header before anything is
    /// decoded) are refused: a "decompression bomb" of a few KB could otherwise ask for gigabytes.
    /// Default 40 000 000 (40 megapixels).
    /// </summary>
    [Range(1_000_000, 200_000_000, ErrorMessage = "Media:MaxImagePixels must be between 1000000 and 200000000.")]
    public long MaxImagePixels { get; set; } = 40_000_000;
}

/// <summary>
/// The absolute folder uploaded files are stored in: <c>media</c> under the data folder, outside
/// <c>wwwroot</c>, so nothing uploaded is ever served by the static-file handler or executed.
/// </summary>
public sealed record MediaFolder(string Path);
