namespace Portal.Core.Media;

/// <summary>Where a file is used: an article (cover or body) or a site setting.</summary>
public sealed record MediaUsePlace(string Label, int? ArticleId);

/// <summary>A file in the media list and the picker, with where it is used.</summary>
public sealed record MediaListItem(
    int Id, string StoredName, string OriginalName, string ContentType, MediaKind Kind, long Length,
    int? Width, int? Height, long DownloadCount, string? ListVariantName, DateTime UploadedAt, IReadOnlyList<MediaUsePlace> UsedBy)
{
    /// <summary>The public address of the file.</summary>
    public string Url => MediaLibrary.UrlOf(StoredName);

    /// <summary>The small copy's address for images (the original when there is none); null for attachments.</summary>
    public string? ThumbnailUrl => Kind == MediaKind.Image ? MediaLibrary.UrlOf(ListVariantName ?? StoredName) : null;

    /// <summary>PDF, DOCX, JPG…</summary>
    public string TypeLabel => MediaLibrary.TypeLabel(ContentType);

    public string SizeText => MediaLibrary.FormatSize(Length);

    /// <summary>The image's own alt text (替代文本), used where it is shown without one of its own (covers); null when not given.</summary>
    public string? AltText { get; init; }

    /// <summary>What the editor inserts into a body (contract C2): an image with its alt text left empty for the editor to write, or the attachment line.</summary>
    public string Markdown => MediaLibrary.MarkdownFor(Kind, StoredName, OriginalName, ContentType, Length);
}

/// <summary>A stored file ready to be sent.</summary>
public sealed record MediaContent(int Id, string FilePath, string ContentType, MediaKind Kind, string OriginalName, bool IsPublic);
