using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Portal.Tests.Media;

/// <summary>Files built in the test, byte by byte: every format the sniffer knows, and the hostile ones.</summary>
public static class MediaSamples
{
    public static byte[] Pdf { get; } = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return stream.ToArray();
    }

    public static byte[] Docx { get; } = Zip(("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Xlsx { get; } = Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Docm { get; } = Zip(("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>"), ("word/document.xml", "<w:document/>"));

    public static byte[] DocxWithVba { get; } = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"), ("word/vbaProject.bin", "VBA"));

    public static byte[] Odt { get; } = Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));

    public static byte[] Ods { get; } = Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>"));

    public static byte[] Ofd { get; } = Zip(("OFD.xml", "<ofd:OFD/>"), ("Doc_0/Document.xml", "<ofd:Document/>"));

    public static byte[] PlainZip { get; } = Zip(("说明.txt", "你好"));

    /// <summary>
    /// A minimal OLE compound file with 512-byte sectors: sector 0 the FAT, sector 1 the directory
    /// (a root entry and <paramref name="streamNames"/>).
    /// </summary>
    public static byte[] Cfb(params string[] streamNames)
    {
        var file = new byte[512 * 3];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x18), 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1A), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1C), 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1E), 9);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x20), 6);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x2C), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x30), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x3C), 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x44), 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x4C), 0);
        for (var i = 1; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x4C + (i * 4)), 0xFFFFFFFF);
        }

        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE);
        WriteEntry(file.AsSpan(1024, 128), "Root Entry", 5);
        for (var i = 0; i < Math.Min(streamNames.Length, 3); i++)
        {
            WriteEntry(file.AsSpan(1024 + (128 * (i + 1)), 128), streamNames[i], 2);
        }

        return file;
    }

    private static void WriteEntry(Span<byte> entry, string name, byte type)
    {
        var bytes = Encoding.Unicode.GetBytes(name);
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(bytes.Length + 2));
        entry[0x42] = type;
    }

    /// <summary>A JPEG <paramref name="width"/>×<paramref name="height"/>, optionally with an EXIF segment carrying an orientation and a GPS position.</summary>
    public static byte[] Jpeg(int width, int height, ushort? orientation = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 4f, height / 4f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        return orientation is { } o ? [.. jpeg[..2], .. ExifSegment(o), .. jpeg[2..]] : jpeg;
    }

    /// <summary>The marker the GPS position is written with, to look for in the output.</summary>
    public const string GpsMarker = "GPS-N-42.9513";

    private static byte[] ExifSegment(ushort orientation)
    {
        var tiff = new List<byte>();
        tiff.AddRange("II"u8.ToArray());
        tiff.AddRange(U16(42));
        tiff.AddRange(U32(8));
        tiff.AddRange(U16(2));
        tiff.AddRange([.. U16(0x0112), .. U16(3), .. U32(1), .. U16(orientation), 0, 0]);
        tiff.AddRange([.. U16(0x8825), .. U16(4), .. U32(1), .. U32(38)]);
        tiff.AddRange(U32(0));
        var marker = Encoding.ASCII.GetBytes(GpsMarker + "\0");
        tiff.AddRange(U16(1));
        tiff.AddRange([.. U16(0x0002), .. U16(2), .. U32((uint)marker.Length), .. U32(38 + 2 + 12 + 4)]);
        tiff.AddRange(U32(0));
        tiff.AddRange(marker);
        byte[] payload = [.. "Exif\0\0"u8.ToArray(), .. tiff];
        var length = (ushort)(payload.Length + 2);
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
    }

    private static byte[] U16(ushort v) => [(byte)v, (byte)(v >> 8)];

    private static byte[] U32(uint v) => [(byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24)];
}
