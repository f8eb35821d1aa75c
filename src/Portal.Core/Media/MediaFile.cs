namespace Portal.Core.Media;

/// <summary>An uploaded image, stored under the data folder with a generated name.</summary>
public class MediaFile
{
    public int Id { get; set; }

    /// <summary>The generated file name on disk and in the URL (<c>/media/{StoredName}</c>).</summary>
    public string StoredName { get; set; } = "";

    /// <summary>The name the file had on the uploader's computer, for the media list only.</summary>
    public string OriginalName { get; set; } = "";

    /// <summary>The type detected from the content (image/jpeg, image/png, image/gif, image/webp).</summary>
    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public string? UploadedById { get; set; }

    public DateTime UploadedAt { get; set; }
}
