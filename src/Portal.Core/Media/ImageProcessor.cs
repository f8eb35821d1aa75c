using SkiaSharp;

namespace Portal.Core.Media;

/// <summary>An upload after <see cref="ImageProcessor"/>: what to store, or why it was refused.</summary>
public sealed record ProcessedImage(ImageType Type, int Width, int Height, byte[]? Encoded, byte[]? ListVariant, string? Error)
{
    public static ProcessedImage Refuse(string error) => new(ImageSniffer.Jpeg, 0, 0, null, null, error);

    /// <summary>Whether the original bytes are stored unchanged (an animated GIF).</summary>
    public bool KeepsOriginal => Encoded is null && Error is null;
}

/// <summary>
/// Re-encodes an uploaded image with SkiaSharp: the EXIF orientation is applied to the pixels,
/// images wider than <see cref="MediaOptions.MaxImageWidth"/> are scaled down, and a copy
/// <see cref="MediaOptions.ListImageWidth"/> wide is made for lists. Re-encoding writes pixels
/// only, so EXIF (GPS position, camera serial), XMP, IPTC and comments are gone. JPEG stays JPEG
/// (quality 85), PNG stays PNG, WebP stays WebP (quality 85). A single-frame GIF becomes a PNG
/// (Skia writes no GIF; PNG is lossless). An animated GIF is kept byte for byte after its
/// comment and application extensions other than the loop count are dropped
/// (<see cref="GifCleaner"/>): GIF has no EXIF, and re-encoding frames would lose the animation.
/// The pixel count is checked from the header before anything is decoded.
/// </summary>
public static class ImageProcessor
{
    public const int Quality = 85;

    private const string Damaged = "图片文件已损坏或不完整，无法读取。请重新导出图片后上传。";

    public static ProcessedImage Process(Stream input, ImageType type, MediaOptions options)
    {
        input.Position = 0;
        using var codec = SKCodec.Create(input, out var created);
        if (codec is null || created != SKCodecResult.Success)
        {
            return ProcessedImage.Refuse(Damaged);
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > options.MaxImagePixels)
        {
            return ProcessedImage.Refuse($"图片尺寸过大（{info.Width}×{info.Height} 像素），不能超过 {options.MaxImagePixels / 1_000_000} 百万像素。请缩小后上传。");
        }

        if (type == ImageSniffer.Gif && codec.FrameCount > 1)
        {
            return new ProcessedImage(ImageSniffer.Gif, info.Width, info.Height, null, null, null);
        }

        var origin = codec.EncodedOrigin;
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var orientedWidth = swaps ? info.Height : info.Width;

        // A JPEG decodes at 1/2, 1/4 or 1/8 of its size much faster and in less memory: ask for
        // the smallest size still at least as wide as what is stored.
        var target = Math.Min(orientedWidth, options.MaxImageWidth);
        var decodeSize = codec.GetScaledDimensions((float)target / orientedWidth);
        if ((swaps ? decodeSize.Height : decodeSize.Width) < target)
        {
            decodeSize = new SKSizeI(info.Width, info.Height);
        }

        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return ProcessedImage.Refuse(Damaged);
        }

        using var oriented = Orient(decoded, origin);
        var stored = type == ImageSniffer.Gif ? ImageSniffer.Png : type;
        using var main = ScaleTo(oriented, target);
        var encoded = Encode(main, stored);
        byte[]? variant = null;
        if (main.Width > options.ListImageWidth)
        {
            using var small = ScaleTo(main, options.ListImageWidth);
            variant = Encode(small, stored);
        }

        return encoded is null ? ProcessedImage.Refuse(Damaged) : new ProcessedImage(stored, main.Width, main.Height, encoded, variant, null);
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        float w = source.Width, h = source.Height;
        var result = new SKBitmap(new SKImageInfo(swaps ? source.Height : source.Width, swaps ? source.Width : source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.Transparent);

        // The matrix that takes the stored pixels to the upright picture (EXIF orientations 1–8).
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        canvas.Flush();
        return result;
    }

    private static SKBitmap ScaleTo(SKBitmap source, int width)
    {
        if (source.Width <= width)
        {
            return source.Copy();
        }

        var height = Math.Max(1, (int)Math.Round((double)source.Height * width / source.Width));
        return source.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("SkiaSharp could not scale the image.");
    }

    private static byte[]? Encode(SKBitmap bitmap, ImageType type)
    {
        var format = type == ImageSniffer.Jpeg ? SKEncodedImageFormat.Jpeg : type == ImageSniffer.WebP ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Png;
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, Quality);
        return data?.ToArray();
    }
}
