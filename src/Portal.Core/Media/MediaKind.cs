namespace Portal.Core.Media;

/// <summary>What a media file is: an image shown in pages, or an attachment (附件) readers download.</summary>
public enum MediaKind
{
    /// <summary>JPG, PNG, GIF or WebP, re-encoded on upload. Rows from before attachments existed are images.</summary>
    Image = 0,

    /// <summary>PDF, OFD, Word, Excel, WPS, ODF, TXT or ZIP, stored as uploaded and served for download.</summary>
    Attachment = 1,
}
