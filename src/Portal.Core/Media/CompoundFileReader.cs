using System.Buffers.Binary;
using System.Text;

namespace Portal.Core.Media;

/// <summary>
/// Reads the names in the directory of an OLE compound file (CFB: .doc, .xls, .wps, .et), enough
/// to tell a Word-family document (a <c>WordDocument</c> stream) from a spreadsheet
/// (<c>Workbook</c> or <c>Book</c>). Bounded: at most <see cref="MaxDirectorySectors"/> directory
/// sectors and <see cref="MaxFatSectors"/> FAT sectors are read, chains that loop or leave the file
/// end the reading, and a damaged header gives null rather than an exception.
/// </summary>
public static class CompoundFileReader
{
    /// <summary>The eight bytes every compound file starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public const int MaxDirectorySectors = 512;

    public const int MaxFatSectors = 4096;

    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint MaxRegularSector = 0xFFFFFFFA;

    /// <summary>The names of the streams and storages in <paramref name="file"/>'s directory; null when it is not a readable compound file.</summary>
    public static IReadOnlyList<string>? ReadNames(Stream file)
    {
        try
        {
            return Read(file);
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static List<string>? Read(Stream file)
    {
        var header = new byte[512];
        file.Position = 0;
        file.ReadExactly(header);
        if (!header.AsSpan(0, 8).SequenceEqual(Signature))
        {
            return null;
        }

        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        if (sectorShift is not (9 or 12))
        {
            return null;
        }

        var sectorSize = 1 << sectorShift;
        var fatSectorCount = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x2C));
        var firstDirectory = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
        var firstDifat = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x44));
        var difatCount = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x48));
        if (fatSectorCount > MaxFatSectors)
        {
            return null;
        }

        // Where the FAT's sectors are: 109 in the header, the rest in a chain of DIFAT sectors.
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109 && fatSectors.Count < fatSectorCount; i++)
        {
            fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + (i * 4))));
        }

        var sector = new byte[sectorSize];
        var difat = firstDifat;
        for (var n = 0; n < difatCount && difat <= MaxRegularSector && fatSectors.Count < fatSectorCount; n++)
        {
            if (!TryReadSector(file, difat, sector))
            {
                return null;
            }

            for (var i = 0; i < (sectorSize / 4) - 1 && fatSectors.Count < fatSectorCount; i++)
            {
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(i * 4)));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(sectorSize - 4));
        }

        var entriesPerFatSector = sectorSize / 4;
        var names = new List<string>();
        var seen = new HashSet<uint>();
        var fatSector = new byte[sectorSize];
        for (var current = firstDirectory; current != EndOfChain; )
        {
            if (current > MaxRegularSector || !seen.Add(current) || seen.Count > MaxDirectorySectors || !TryReadSector(file, current, sector))
            {
                // A loop, a chain that leaves the file or an endless directory: what was read stands.
                break;
            }

            for (var offset = 0; offset + 128 <= sectorSize; offset += 128)
            {
                var entry = sector.AsSpan(offset, 128);
                var type = entry[0x42];
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
                if (type is 1 or 2 or 5 && nameBytes is >= 2 and <= 64)
                {
                    names.Add(Encoding.Unicode.GetString(entry[..(nameBytes - 2)]));
                }
            }

            var fatIndex = (int)(current / (uint)entriesPerFatSector);
            if (fatIndex >= fatSectors.Count || !TryReadSector(file, fatSectors[fatIndex], fatSector))
            {
                break;
            }

            current = BinaryPrimitives.ReadUInt32LittleEndian(fatSector.AsSpan((int)(current % (uint)entriesPerFatSector) * 4));
        }

        return names;
    }

    /// <summary>Reads sector <paramref name="number"/> (sector 0 follows the header); false when the file ends before it.</summary>
    private static bool TryReadSector(Stream file, uint number, byte[] buffer)
    {
        if (number > MaxRegularSector)
        {
            return false;
        }

        var position = (long)(number + 1) * buffer.Length;
        if (position + buffer.Length > file.Length)
        {
            return false;
        }

        file.Position = position;
        file.ReadExactly(buffer);
        return true;
    }
}
