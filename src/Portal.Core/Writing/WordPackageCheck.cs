using System.IO.Compression;
using System.Text;

namespace Portal.Core.Writing;

/// <summary>
/// What a file must be before the Open XML SDK reads it, judged by its content (never its name):
/// not empty, within the size limit, not an old binary Word/WPS file or an encrypted one (both OLE
/// compound files), a zip package within the unpacked-size and entry-count limits, and free of
/// macros. Every refusal is a <see cref="ConversionRefusedException"/> with a Chinese message.
/// </summary>
internal static class WordPackageCheck
{
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static void Check(byte[] content, string fileName, WordLimits limits)
    {
        if (content.Length == 0)
        {
            throw new ConversionRefusedException("文件是空的，请选择要导入的 Word 文档（.docx）。");
        }

        if (content.Length > limits.MaxBytes)
        {
            throw new ConversionRefusedException(TooLarge(limits.MaxBytes));
        }

        if (content.AsSpan().StartsWith(OleMagic))
        {
            // An encrypted .docx is an OLE compound file whose directory names these streams (UTF-16).
            if (ContainsUtf16(content, "EncryptedPackage") || ContainsUtf16(content, "EncryptionInfo"))
            {
                throw new ConversionRefusedException("此文档设有打开密码，无法导入。请在 Word 或 WPS 中取消密码并保存后再导入。");
            }

            throw new ConversionRefusedException(Path.GetExtension(fileName).Equals(".wps", StringComparison.OrdinalIgnoreCase)
                ? "暂不支持旧版 WPS 文字（.wps）格式，请在 WPS 中“另存为”.docx 后再导入。"
                : "暂不支持旧版 Word（.doc）格式，请在 Word 或 WPS 中“另存为”.docx 后再导入。");
        }

        if (content.AsSpan().StartsWith("{\\rtf"u8))
        {
            throw new ConversionRefusedException("暂不支持 RTF 格式，请在 Word 或 WPS 中“另存为”.docx 后再导入。");
        }

        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            throw new ConversionRefusedException(NotWord);
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxParts)
            {
                throw new ConversionRefusedException($"文档包含的部件过多（超过 {limits.MaxParts} 个），无法导入。");
            }

            // The declared sizes bound what is read: .NET stops decompressing an entry at its declared length.
            long total = 0;
            var macros = false;
            ZipArchiveEntry? types = null;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                macros |= entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase);
                if (entry.FullName == "[Content_Types].xml")
                {
                    types = entry;
                }
            }

            if (total > limits.MaxUncompressedBytes)
            {
                throw new ConversionRefusedException($"文档解压后过大（超过 {limits.MaxUncompressedBytes / 1024 / 1024} MB），无法导入。");
            }

            if (types is null || types.Length > 1024 * 1024)
            {
                throw new ConversionRefusedException(NotWord);
            }

            string contentTypes;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8))
            {
                contentTypes = reader.ReadToEnd();
            }

            if (macros || contentTypes.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
            {
                throw new ConversionRefusedException("此文档含有宏（.docm），出于安全考虑不能导入。请在 Word 中“另存为”不含宏的 .docx 后再导入。");
            }

            if (!contentTypes.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal)
                && !contentTypes.Contains("wordprocessingml.template.main+xml", StringComparison.Ordinal))
            {
                throw new ConversionRefusedException(NotWord);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ConversionRefusedException(Corrupt, ex);
        }
    }

    public const string NotWord = "文件不是 Word 文档（.docx），请选择 Word 或 WPS 保存的 .docx 文件。";

    public const string Corrupt = "文档已损坏，无法读取。请在 Word 或 WPS 中打开并重新保存为 .docx 后再导入。";

    public static string TooLarge(long max) => $"文档不能超过 {max / 1024 / 1024} MB。图片较多时，可先压缩文档中的图片再导入。";

    private static bool ContainsUtf16(byte[] content, string text) =>
        content.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
