namespace Portal.Core.Media;

/// <summary>An attachment type the portal accepts: the label readers see (PDF, DOCX…), the Content-Type it is served with, and its extension.</summary>
public sealed record AttachmentType(string Label, string ContentType, string Extension)
{
    public static AttachmentType Pdf { get; } = new("PDF", "application/pdf", ".pdf");

    public static AttachmentType Ofd { get; } = new("OFD", "application/ofd", ".ofd");

    public static AttachmentType Doc { get; } = new("DOC", "application/msword", ".doc");

    public static AttachmentType Wps { get; } = new("WPS", "application/wps-office.wps", ".wps");

    public static AttachmentType Docx { get; } = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");

    public static AttachmentType Xls { get; } = new("XLS", "application/vnd.ms-excel", ".xls");

    public static AttachmentType Et { get; } = new("ET", "application/wps-office.et", ".et");

    public static AttachmentType Xlsx { get; } = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

    public static AttachmentType Odt { get; } = new("ODT", "application/vnd.oasis.opendocument.text", ".odt");

    public static AttachmentType Ods { get; } = new("ODS", "application/vnd.oasis.opendocument.spreadsheet", ".ods");

    public static AttachmentType Txt { get; } = new("TXT", "text/plain; charset=utf-8", ".txt");

    public static AttachmentType Zip { get; } = new("ZIP", "application/zip", ".zip");

    /// <summary>Every accepted attachment type.</summary>
    public static IReadOnlyList<AttachmentType> All { get; } = [Pdf, Ofd, Doc, Wps, Docx, Xls, Et, Xlsx, Odt, Ods, Txt, Zip];

    /// <summary>The type stored with <paramref name="extension"/> (".pdf"), or null.</summary>
    public static AttachmentType? ByExtension(string extension) =>
        All.FirstOrDefault(t => string.Equals(t.Extension, extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>The type served as <paramref name="contentType"/>, or null.</summary>
    public static AttachmentType? ByContentType(string contentType) => All.FirstOrDefault(t => t.ContentType == contentType);
}
