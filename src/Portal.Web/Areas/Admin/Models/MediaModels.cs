using Portal.Core.Media;
using Portal.Core.Paging;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>图片: the upload form and a page of the media list.</summary>
public sealed class MediaListViewModel
{
    public required PagedList<MediaListItem> Items { get; init; }

    /// <summary>The file-name filter, if any.</summary>
    public string? Search { get; init; }

    /// <summary>The size limit, as the form explains it.</summary>
    public required long MaxUploadBytes { get; init; }

    /// <summary>Why the last upload was refused, if it was (shown beside the file field).</summary>
    public string? UploadError { get; init; }

    /// <summary>The image just uploaded, to show its Markdown snippet first.</summary>
    public string? UploadedUrl { get; init; }
}
