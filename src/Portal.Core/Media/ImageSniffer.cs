namespace Portal.Core.Media;

/// <summary>An image type the portal accepts: its MIME type and the extension stored files get.</summary>
public sealed record ImageType(string ContentType, string Extension);

/// <summary>
/// Tells the type of an image from its first bytes (its "magic number"). The file name and the
/// browser's Content-Type are chosen by the uploader and prove nothing: a script renamed
/// <c>.jpg</c> must be refused, and a PNG named <c>.gif</c> is still a PNG.
/// </summary>
public static class ImageSniffer
{
    public static ImageType Jpeg { get; } = new("image/jpeg", ".jpg");

    public static ImageType Png { get; } = new("image/png", ".png");

    public static ImageType Gif { get; } = new("image/gif", ".gif");

    public static ImageType WebP { get; } = new("image/webp", ".webp");

    /// <summary>Whether <paramref name="contentType"/> is one of the image types above.</summary>
    public static bool IsAccepted(string contentType) =>
        contentType == Jpeg.ContentType || contentType == Png.ContentType || contentType == Gif.ContentType || contentType == WebP.ContentType;

    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 12;

    /// <summary>The type of the image that starts with <paramref name="header"/>; null for anything else.</summary>
    public static ImageType? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        // RIFF, four bytes of length, then WEBP.
        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        return null;
    }
}
