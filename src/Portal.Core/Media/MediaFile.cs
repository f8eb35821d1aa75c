namespace Portal.Core.Media;

/// <summary>An uploaded image or attachment, stored under the data folder with a generated name.</summary>
public class MediaFile
{
    public int Id { get; set; }

    /// <summary>The generated file name on disk and in the URL (<c>/media/{StoredName}</c>).</summary>
    public string StoredName { get; set; } = "";

    /// <summary>
    /// The name the file had on the uploader's computer: shown in the media list, in an
    /// attachment's link text and as the download's file name.
    /// </summary>
    public string OriginalName { get; set; } = "";

    /// <summary>The type detected from the content (image/jpeg, application/pdf, …), sent as Content-Type.</summary>
    public string ContentType { get; set; } = "";

    public MediaKind Kind { get; set; }

    public long Length { get; set; }

    /// <summary>An image's width in pixels as stored (after orientation and scaling); null for attachments and older images.</summary>
    public int? Width { get; set; }

    /// <summary>An image's height in pixels as stored; null for attachments and older images.</summary>
    public int? Height { get; set; }

    /// <summary>
    /// The stored name of the narrower copy lists show (<see cref="MediaOptions.ListImageWidth"/>);
    /// null when the image is already that narrow, is animated, or was uploaded before copies were
    /// made: lists then show the original.
    /// </summary>
    public string? ListVariantName { get; set; }

    /// <summary>How many times an attachment was downloaded (whole-file GETs; HEAD and later ranges do not count).</summary>
    public long DownloadCount { get; set; }

    /// <summary>图片说明: the image's text alternative, used wherever the image is shown without its own (cover images); null when not given.</summary>
    public string? AltText { get; set; }

    public string? UploadedById { get; set; }

    public DateTime UploadedAt { get; set; }
}
