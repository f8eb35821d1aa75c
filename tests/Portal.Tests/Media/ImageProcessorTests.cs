using System.Text;
using Portal.Core.Media;
using SkiaSharp;

namespace Portal.Tests.Media;

/// <summary>Images are re-encoded: metadata gone, orientation applied, width capped, a list copy made.</summary>
public sealed class ImageProcessorTests
{
    private static readonly MediaOptions Options = new();

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    [Fact]
    public void Process_JpegWithExifGps_MetadataIsGone()
    {
        var input = MediaSamples.Jpeg(800, 600, orientation: 1);
        Assert.True(Contains(input, MediaSamples.GpsMarker));
        Assert.True(Contains(input, "Exif"));

        var result = ImageProcessor.Process(new MemoryStream(input), ImageSniffer.Jpeg, Options);

        Assert.Null(result.Error);
        Assert.False(Contains(result.Encoded!, MediaSamples.GpsMarker));
        Assert.False(Contains(result.Encoded!, "Exif"));
        Assert.Equal(ImageSniffer.Jpeg, result.Type);
        Assert.Equal((800, 600), (result.Width, result.Height));
    }

    [Fact]
    public void Process_Orientation6_IsRotatedIntoThePixels()
    {
        // Stored 400×200 with the red block top left; orientation 6 means "rotate 90° clockwise to view".
        var result = ImageProcessor.Process(new MemoryStream(MediaSamples.Jpeg(400, 200, orientation: 6)), ImageSniffer.Jpeg, Options);

        Assert.Equal((200, 400), (result.Width, result.Height));
        using var decoded = SKBitmap.Decode(result.Encoded!);
        Assert.Equal(200, decoded.Width);

        // After a clockwise turn the top-left block is at the top right.
        var topRight = decoded.GetPixel(190, 10);
        var topLeft = decoded.GetPixel(10, 10);
        Assert.True(topRight.Red > 200 && topRight.Blue < 80, $"top right is {topRight}");
        Assert.True(topLeft.Red < 120, $"top left is {topLeft}");
    }

    [Fact]
    public void Process_WideImage_IsCappedAndGetsAListCopy()
    {
        var result = ImageProcessor.Process(new MemoryStream(MediaSamples.Jpeg(2400, 1200)), ImageSniffer.Jpeg, Options);

        Assert.Equal((1600, 800), (result.Width, result.Height));
        using var small = SKBitmap.Decode(result.ListVariant!);
        Assert.Equal((480, 240), (small.Width, small.Height));
    }

    [Fact]
    public void Process_NarrowImage_HasNoListCopy()
    {
        var result = ImageProcessor.Process(new MemoryStream(MediaSamples.Jpeg(300, 200)), ImageSniffer.Jpeg, Options);

        Assert.Null(result.ListVariant);
        Assert.Equal(300, result.Width);
    }

    [Fact]
    public void Process_PngStaysPng()
    {
        using var bitmap = new SKBitmap(50, 40);
        using var image = SKImage.FromBitmap(bitmap);
        var png = image.Encode(SKEncodedImageFormat.Png, 100).ToArray();

        var result = ImageProcessor.Process(new MemoryStream(png), ImageSniffer.Png, Options);

        Assert.Equal(ImageSniffer.Png, result.Type);
        Assert.Equal(ImageSniffer.Png, ImageSniffer.Detect(result.Encoded!));
    }

    [Fact]
    public void Process_TruncatedOrGarbage_IsRefusedInChinese()
    {
        var jpeg = MediaSamples.Jpeg(800, 600);
        var truncated = ImageProcessor.Process(new MemoryStream(jpeg[..(jpeg.Length / 3)]), ImageSniffer.Jpeg, Options);
        byte[] garbage = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 1, 2, 3, 4, 5, 6, 7, 8];
        var broken = ImageProcessor.Process(new MemoryStream(garbage), ImageSniffer.Jpeg, Options);

        Assert.Contains("损坏", truncated.Error, StringComparison.Ordinal);
        Assert.Contains("损坏", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_DecompressionBomb_IsRefusedFromTheHeader()
    {
        // A real small PNG whose header is rewritten to claim 20000×20000 (400 megapixels), the
        // header's CRC made right again: only the pixel data behind it is far too short.
        using var bitmap = new SKBitmap(10, 10);
        using var image = SKImage.FromBitmap(bitmap);
        var png = image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 20000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 20000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), System.IO.Hashing.Crc32.HashToUInt32(png.AsSpan(12, 17)));

        var result = ImageProcessor.Process(new MemoryStream(png), ImageSniffer.Png, Options);

        Assert.Contains("尺寸过大", result.Error ?? "(none)", StringComparison.Ordinal);
    }

    [Fact]
    public void GifCleaner_DropsCommentsKeepsLoop()
    {
        // Header, 1×1 screen without a colour table, NETSCAPE loop, a comment, one frame, trailer.
        byte[] gif =
        [
            .. "GIF89a"u8.ToArray(), 1, 0, 1, 0, 0, 0, 0,
            0x21, 0xFF, 11, .. "NETSCAPE2.0"u8.ToArray(), 3, 1, 0, 0, 0,
            0x21, 0xFE, 6, .. "SECRET"u8.ToArray(), 0,
            0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0,
            0x3B,
        ];

        var cleaned = GifCleaner.Clean(gif)!;

        Assert.False(Contains(cleaned, "SECRET"));
        Assert.True(Contains(cleaned, "NETSCAPE2.0"));
        Assert.Equal(gif.Length - 10, cleaned.Length);
        Assert.Null(GifCleaner.Clean(gif.AsSpan(0, gif.Length - 5)));
    }
}
