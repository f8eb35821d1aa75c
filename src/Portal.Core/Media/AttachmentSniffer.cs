using System.IO.Compression;
using System.Text;

namespace Portal.Core.Media;

/// <summary>What <see cref="AttachmentSniffer.Check"/> found: the type, or the Chinese reason for refusing.</summary>
public sealed record AttachmentCheck(AttachmentType? Type, string? Error)
{
    public static AttachmentCheck Refuse(string error) => new(null, error);
}

/// <summary>
/// Tells an attachment's type from its content, never from its name: magic bytes, and for the
/// ZIP-based formats the package's marker entry (Office Open XML's <c>[Content_Types].xml</c> with
/// <c>word/document.xml</c> or <c>xl/workbook.xml</c>; ODF's first entry <c>mimetype</c>; OFD's
/// <c>OFD.xml</c>); for OLE compound files the directory's stream names (<see cref="CompoundFileReader"/>).
/// The name's extension must then agree with the content (a .pdf that is a ZIP is refused), and
/// what could run is refused: macro-enabled Office packages (<c>vbaProject.bin</c>, macroEnabled
/// content types), ODF packages with Basic or script folders, text that starts like HTML, SVG or a
/// script. Encrypted PDFs pass: the portal does not open them, and a reader's viewer asks for the password.
/// </summary>
public static class AttachmentSniffer
{
    /// <summary>The accepted formats, for messages and the upload form's hint.</summary>
    public const string AcceptedText = "PDF、OFD、Word（DOC/DOCX）、Excel（XLS/XLSX）、WPS/ET、ODT/ODS、TXT、ZIP";

    /// <summary>At most this many entries are looked at in a ZIP package (a ZIP bomb of tiny entries ends here).</summary>
    public const int MaxZipEntries = 20_000;

    /// <summary>At most this much of a package's text entry (<c>[Content_Types].xml</c>, <c>mimetype</c>) is read.</summary>
    private const int MaxMarkerBytes = 1024 * 1024;

    /// <summary>Checks the seekable <paramref name="file"/> uploaded as <paramref name="originalName"/>.</summary>
    public static AttachmentCheck Check(Stream file, string originalName)
    {
        var extension = Path.GetExtension(originalName).ToLowerInvariant();
        var named = AttachmentType.ByExtension(extension);
        var detected = Detect(file, named, out var refusal);
        if (refusal is not null)
        {
            return AttachmentCheck.Refuse(refusal);
        }

        if (detected is null)
        {
            return AttachmentCheck.Refuse($"只能上传 JPG、PNG、GIF 或 WebP 图片，或 {AcceptedText} 附件；系统按文件内容识别格式，此文件不是这几种格式。");
        }

        // A Word-family compound file is .doc or .wps (WPS writes the same streams); a spreadsheet .xls or .et.
        var chosen = named is not null && detected.Contains(named) ? named : detected[0];
        if (named is null || !detected.Contains(named))
        {
            var what = string.Join("或", detected.Select(t => t.Label));
            return AttachmentCheck.Refuse(named is null
                ? $"文件内容是 {what}，但文件名“{originalName}”的扩展名不符。请使用扩展名 {chosen.Extension} 后重新上传。"
                : $"文件名的扩展名是 {named.Label}，但文件内容是 {what}，两者不符，未上传。请确认文件后重新上传。");
        }

        return new AttachmentCheck(chosen, null);
    }

    /// <summary>The types the content can be (several for compound files), or null; <paramref name="refusal"/> when the content is refused outright.</summary>
    private static List<AttachmentType>? Detect(Stream file, AttachmentType? named, out string? refusal)
    {
        refusal = null;
        var header = new byte[8];
        file.Position = 0;
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var start = header.AsSpan(0, read);
        if (start.StartsWith("%PDF-"u8))
        {
            return [AttachmentType.Pdf];
        }

        if (start.StartsWith(CompoundFileReader.Signature))
        {
            var names = CompoundFileReader.ReadNames(file);
            if (names is null)
            {
                refusal = "文件已损坏，无法识别为 Word、Excel 或 WPS 文档。";
                return null;
            }

            // Macros in the old binary formats (as .docm and vbaProject.bin in the new ones): a
            // "Macros" (Word) or "_VBA_PROJECT_CUR" (Excel) storage, or a "VBA" one in WPS files.
            if (names.Contains("Macros") || names.Contains("_VBA_PROJECT_CUR") || names.Contains("VBA") || names.Contains("_VBA_PROJECT"))
            {
                refusal = "文件含有宏，出于安全考虑不能上传。请另存为不含宏的文档后再上传。";
                return null;
            }

            if (names.Contains("WordDocument"))
            {
                return [AttachmentType.Doc, AttachmentType.Wps];
            }

            if (names.Contains("Workbook") || names.Contains("Book"))
            {
                return [AttachmentType.Xls, AttachmentType.Et];
            }

            return null;
        }

        if (start.StartsWith("PK\x03\x04"u8))
        {
            return DetectPackage(file, out refusal);
        }

        // Text has no magic bytes: only a file named .txt is read as text (an .exe renamed .pdf is not).
        return named == AttachmentType.Txt ? DetectText(file, out refusal) : null;
    }

    private static List<AttachmentType>? DetectPackage(Stream file, out string? refusal)
    {
        refusal = null;
        file.Position = 0;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries)
            {
                refusal = $"压缩包内的文件过多（超过 {MaxZipEntries} 个），未上传。";
                return null;
            }

            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                refusal = "文件包含宏（VBA），出于安全考虑不能上传。请另存为不含宏的 .docx 或 .xlsx 后重新上传。";
                return null;
            }

            if (zip.GetEntry("[Content_Types].xml") is { } contentTypes)
            {
                var xml = ReadText(contentTypes);
                if (xml.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                {
                    refusal = "文件是启用宏的 Office 文档（.docm/.xlsm），出于安全考虑不能上传。请另存为 .docx 或 .xlsx 后重新上传。";
                    return null;
                }

                if (names.Contains("word/document.xml"))
                {
                    return [AttachmentType.Docx];
                }

                if (names.Contains("xl/workbook.xml"))
                {
                    return [AttachmentType.Xlsx];
                }
            }

            // ODF: the first entry is "mimetype", stored, holding the package's type.
            if (zip.Entries.Count > 0 && zip.Entries[0].FullName == "mimetype")
            {
                var mimetype = ReadText(zip.Entries[0]).Trim();
                var odf = mimetype switch
                {
                    "application/vnd.oasis.opendocument.text" => AttachmentType.Odt,
                    "application/vnd.oasis.opendocument.spreadsheet" => AttachmentType.Ods,
                    _ => null,
                };
                if (odf is not null)
                {
                    if (names.Any(n => n.StartsWith("Basic/", StringComparison.Ordinal) || n.StartsWith("Scripts/", StringComparison.Ordinal)))
                    {
                        refusal = "文件包含宏或脚本，出于安全考虑不能上传。请删除宏后重新上传。";
                        return null;
                    }

                    return [odf];
                }
            }

            if (names.Contains("OFD.xml"))
            {
                return [AttachmentType.Ofd];
            }

            return [AttachmentType.Zip];
        }
        catch (InvalidDataException)
        {
            refusal = "压缩文件已损坏，无法打开，未上传。";
            return null;
        }
    }

    private static string ReadText(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[MaxMarkerBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>
    /// Plain text: valid UTF-8 (a byte-order mark allowed), no NUL or other control characters
    /// than tab, line feed, carriage return and form feed, and not starting with markup
    /// (<c>&lt;html</c>, <c>&lt;svg</c>, <c>&lt;script</c>, <c>&lt;?xml</c>…: anything whose first
    /// visible character is <c>&lt;</c>). GB18030 text is refused with advice to save as UTF-8:
    /// any byte string is "valid" GB18030, so accepting it would let binary files through as text.
    /// </summary>
    private static List<AttachmentType>? DetectText(Stream file, out string? refusal)
    {
        refusal = null;
        file.Position = 0;
        if (file.Length == 0)
        {
            return null;
        }

        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 1];
        var sawVisible = false;
        int read;
        while ((read = file.Read(bytes)) > 0)
        {
            int count;
            try
            {
                count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                refusal = "文本文件必须是 UTF-8 编码的纯文本（不能含有二进制内容）。如为 GBK/GB18030 编码，请用记事本“另存为”UTF-8 后重新上传。";
                return null;
            }

            foreach (var c in chars.AsSpan(0, count))
            {
                if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
                {
                    refusal = "文本文件含有控制字符或二进制内容，不是纯文本，未上传。";
                    return null;
                }

                if (!sawVisible && c != '\uFEFF' && !char.IsWhiteSpace(c))
                {
                    sawVisible = true;
                    if (c == '<')
                    {
                        refusal = "文本文件的内容是网页、SVG 或脚本代码，出于安全考虑不能作为附件上传。";
                        return null;
                    }
                }
            }
        }

        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            refusal = "文本文件必须是 UTF-8 编码的纯文本（不能含有二进制内容）。如为 GBK/GB18030 编码，请用记事本“另存为”UTF-8 后重新上传。";
            return null;
        }

        return [AttachmentType.Txt];
    }
}
