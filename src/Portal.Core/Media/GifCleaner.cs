namespace Portal.Core.Media;

/// <summary>
/// Drops what a GIF may carry besides pictures: comment extensions and application extensions
/// (XMP among them) other than the loop count (<c>NETSCAPE2.0</c>, <c>ANIMEXTS1.0</c>). Frames,
/// colour tables and timing are copied unchanged, so an animation stays as it was.
/// </summary>
public static class GifCleaner
{
    /// <summary>The GIF without metadata blocks; null when the block structure is damaged.</summary>
    public static byte[]? Clean(ReadOnlySpan<byte> gif)
    {
        if (gif.Length < 13)
        {
            return null;
        }

        using var output = new MemoryStream(gif.Length);
        var position = 13;
        if ((gif[10] & 0x80) != 0)
        {
            position += 3 * (1 << ((gif[10] & 0x07) + 1));
        }

        if (position > gif.Length)
        {
            return null;
        }

        output.Write(gif[..position]);
        while (position < gif.Length)
        {
            var start = position;
            switch (gif[position])
            {
                case 0x3B:
                    output.WriteByte(0x3B);
                    return output.ToArray();
                case 0x21 when position + 1 < gif.Length:
                    var label = gif[position + 1];
                    position += 2;
                    var firstBlock = position;
                    if (!SkipSubBlocks(gif, ref position))
                    {
                        return null;
                    }

                    var drop = label == 0xFE || (label == 0xFF && !IsLoopExtension(gif, firstBlock));
                    if (!drop)
                    {
                        output.Write(gif[start..position]);
                    }

                    break;
                case 0x2C when position + 10 <= gif.Length:
                    var packed = gif[position + 9];
                    position += 10;
                    if ((packed & 0x80) != 0)
                    {
                        position += 3 * (1 << ((packed & 0x07) + 1));
                    }

                    // The LZW minimum code size, then the image data's sub-blocks.
                    position++;
                    if (position > gif.Length || !SkipSubBlocks(gif, ref position))
                    {
                        return null;
                    }

                    output.Write(gif[start..position]);
                    break;
                default:
                    return null;
            }
        }

        // No trailer: damaged.
        return null;
    }

    private static bool IsLoopExtension(ReadOnlySpan<byte> gif, int firstBlock) =>
        firstBlock + 12 <= gif.Length && gif[firstBlock] == 11
        && (gif.Slice(firstBlock + 1, 11).SequenceEqual("NETSCAPE2.0"u8) || gif.Slice(firstBlock + 1, 11).SequenceEqual("ANIMEXTS1.0"u8));

    private static bool SkipSubBlocks(ReadOnlySpan<byte> gif, ref int position)
    {
        while (position < gif.Length)
        {
            var size = gif[position];
            position += 1 + size;
            if (size == 0)
            {
                return position <= gif.Length;
            }
        }

        return false;
    }
}
