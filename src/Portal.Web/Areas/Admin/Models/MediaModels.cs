using Portal.Core.Media;
using Portal.Core.Paging;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>媒体库: the upload form and a page of the media list.</summary>
public sealed class MediaListViewModel
{
    public required PagedList<MediaListItem> Items { get; init; }

    /// <summary>The file-name filter, if any.</summary>
    public string? Search { get; init; }

    /// <summary>The kind filter (image, attachment), if any.</summary>
    public MediaKind? Kind { get; init; }

    /// <summary>The image size limit, as the form explains it.</summary>
    public required long MaxUploadBytes { get; init; }

    /// <summary>The attachment size limit.</summary>
    public required long MaxAttachmentBytes { get; init; }

    /// <summary>Why the last upload or deletion was refused, if it was.</summary>
    public string? UploadError { get; init; }

    /// <summary>The file just uploaded, to show its Markdown first.</summary>
    public MediaListItem? Uploaded { get; init; }
}

/// <summary>One file in the picker's JSON (contract C2).</summary>
public sealed record MediaPickerItem(
    int Id, string Url, string? ThumbnailUrl, string Name, string Title, string Kind, string TypeLabel, string SizeText, string UploadedAt, string Markdown);

/// <summary>A page of the picker's JSON (contract C2).</summary>
public sealed record MediaPickerPage(IReadOnlyList<MediaPickerItem> Items, int Page, int TotalPages);
