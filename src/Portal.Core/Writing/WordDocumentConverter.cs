using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Core.Data;
using Portal.Core.Media;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using V = DocumentFormat.OpenXml.Vml;

namespace Portal.Core.Writing;

/// <summary>
/// Converts a Word document (.docx) to Markdown with the Open XML SDK: headings (by style,
/// localised names and outline levels included), paragraphs, numbered and bulleted lists from the
/// numbering definitions, tables (first row as header; merged cells left empty), bold, italic,
/// hyperlinks, tracked changes (deletions dropped, insertions kept) and embedded images (returned
/// for the media library, with their alt text). Footnotes, comments, text boxes and headers and
/// footers are not carried (a notice counts the footnotes). The file is checked first
/// (<see cref="WordPackageCheck"/>); every refusal is a <see cref="ConversionRefusedException"/>.
/// </summary>
public sealed class WordDocumentConverter
{
    private const int MaxDepth = 32;

    private readonly MainDocumentPart _main;
    private readonly WordStyles _styles;
    private readonly WordLimits _limits;
    private readonly string _fileName;
    private readonly List<MarkdownBlock> _blocks = [];
    private readonly List<WordImage> _images = [];
    private readonly Dictionary<Uri, int> _imageByPart = [];
    private int _unsupportedImages;
    private int _tooLargeImages;

    private WordDocumentConverter(MainDocumentPart main, WordLimits limits, string fileName)
    {
        _fileName = fileName;
        _main = main;
        _styles = new WordStyles(main);
        _limits = limits;
    }

    /// <summary>Checks and converts a document. <paramref name="fileName"/> only names the format in a refusal.</summary>
    /// <exception cref="ConversionRefusedException">The file is not a readable, macro-free .docx within the limits, or holds no text.</exception>
    public static WordConversion Convert(byte[] content, string fileName, WordLimits limits)
    {
        WordPackageCheck.Check(content, fileName, limits);
        try
        {
            var settings = new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes };
            using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false, settings);
            if (document.DocumentType is not (WordprocessingDocumentType.Document or WordprocessingDocumentType.Template))
            {
                throw new ConversionRefusedException("此文档含有宏（.docm），出于安全考虑不能导入。请在 Word 中“另存为”不含宏的 .docx 后再导入。");
            }

            var main = document.MainDocumentPart ?? throw new ConversionRefusedException(WordPackageCheck.NotWord);
            var converter = new WordDocumentConverter(main, limits, fileName);
            return converter.Run(document.PackageProperties.Title);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException or FormatException)
        {
            throw new ConversionRefusedException(WordPackageCheck.Corrupt, ex);
        }
    }

    private WordConversion Run(string? coreTitle)
    {
        if (_main.Document?.Body is { } body)
        {
            Blocks(body, 0);
        }

        var textBlocks = _blocks.Where(b => b is not TableBlock && Plain(b).Length > 0).ToList();
        var title = coreTitle?.Trim() ?? "";
        if (title.Length == 0)
        {
            var first = textBlocks.OfType<HeadingBlock>().FirstOrDefault() ?? textBlocks.FirstOrDefault();
            title = first is null ? "" : Plain(first);

            // A heading that opens the document is its title: the article page shows the title itself.
            if (first is HeadingBlock && ReferenceEquals(_blocks.FirstOrDefault(b => Plain(b).Length > 0 || b is TableBlock), first) && _blocks.Count > 1)
            {
                _blocks.Remove(first);
            }
        }

        title = MarkdownText.CollapseWhiteSpace(title).Trim();
        if (title.Length == 0)
        {
            title = Path.GetFileNameWithoutExtension(_fileName).Trim();
        }

        if (title.Length > FieldLengths.Title)
        {
            title = title[..FieldLengths.Title];
        }

        var markdown = MarkdownWriter.Write(_blocks);
        if (markdown.Trim().Length == 0)
        {
            throw new ConversionRefusedException("文档中没有可导入的正文。");
        }

        var notes = new List<string>();
        if (_unsupportedImages > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"文档中有 {_unsupportedImages} 张图片的格式（如 EMF、WMF、TIFF）网站不支持，未导入；请另存为 JPG 或 PNG 后通过“图片”按钮上传。"));
        }

        if (_tooLargeImages > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"文档中有 {_tooLargeImages} 张图片超过 {MediaLibrary.FormatSize(_limits.MaxImageBytes)}，未导入；请压缩后通过“图片”按钮上传。"));
        }

        var footnotes = _main.FootnotesPart?.Footnotes?.Elements<Footnote>().Count(f => f.Id?.Value > 0) ?? 0;
        if (footnotes > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"文档中的 {footnotes} 条脚注未导入，如需保留请在正文中补充。"));
        }

        var paragraphs = _blocks.Count(b => b is not TableBlock);
        return new WordConversion(title, markdown, _images, notes, paragraphs, _blocks.Count(b => b is TableBlock));
    }

    private static string Plain(MarkdownBlock block) => block switch
    {
        HeadingBlock h => MarkdownWriter.PlainText(h.Runs),
        ParagraphBlock p => MarkdownWriter.PlainText(p.Runs),
        ListItemBlock l => MarkdownWriter.PlainText(l.Runs),
        _ => "",
    };

    private void Blocks(OpenXmlElement container, int depth)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph p:
                    AddParagraph(p);
                    break;
                case Table t:
                    AddTable(t);
                    break;
                case SdtBlock or CustomXmlBlock or SdtContentBlock when depth < MaxDepth:
                    Blocks(child is SdtBlock sdt && sdt.SdtContentBlock is { } c ? c : child, depth + 1);
                    break;
            }
        }
    }

    private void AddParagraph(Paragraph p)
    {
        var runs = new List<InlineRun>();
        Inline(p, runs, null, 0);
        var properties = p.ParagraphProperties;
        if (_styles.HeadingLevel(properties) is { } level)
        {
            _blocks.Add(new HeadingBlock(level, runs.ConvertAll(r => r with { Bold = false })));
        }
        else if (_styles.Numbering(properties) is { } numbering && _styles.Format(numbering.NumId, numbering.Level) is { } format)
        {
            _blocks.Add(new ListItemBlock("num" + numbering.NumId.ToString(CultureInfo.InvariantCulture), numbering.Level, format.Ordered, format.Start, runs));
        }
        else if (runs.Count > 0)
        {
            _blocks.Add(new ParagraphBlock(runs));
        }
    }

    private void AddTable(Table table)
    {
        var rows = new List<IReadOnlyList<IReadOnlyList<InlineRun>>>();
        foreach (var row in table.Elements<TableRow>())
        {
            if (row.TableRowProperties?.GetFirstChild<Deleted>() is not null)
            {
                continue;
            }

            var cells = new List<IReadOnlyList<InlineRun>>();
            foreach (var cell in row.Elements<TableCell>())
            {
                // Every paragraph of the cell, those of a table nested in it included, as one line of text.
                var runs = new List<InlineRun>();
                foreach (var paragraph in cell.Descendants<Paragraph>())
                {
                    if (runs.Count > 0)
                    {
                        runs.Add(InlineRun.LineBreak);
                    }

                    Inline(paragraph, runs, null, 0);
                }

                cells.Add(runs);
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                for (var i = 1; i < Math.Min(span, 64); i++)
                {
                    cells.Add([]);
                }
            }

            if (cells.Count > 0)
            {
                rows.Add(cells);
            }
        }

        if (rows.Count > 0)
        {
            _blocks.Add(new TableBlock(rows));
        }
    }

    private void Inline(OpenXmlElement parent, List<InlineRun> runs, string? link, int depth)
    {
        foreach (var child in parent.ChildElements)
        {
            switch (child)
            {
                case Run run:
                    RunContent(run, runs, link);
                    break;
                case Hyperlink hyperlink:
                    Inline(hyperlink, runs, LinkOf(hyperlink) ?? link, depth + 1);
                    break;
                case DeletedRun or MoveFromRun or ParagraphProperties or Paragraph or Table:
                    // Tracked deletions are not text; nested blocks are read by their own walk.
                    break;
                default:
                    if (depth < MaxDepth && child.HasChildren)
                    {
                        Inline(child, runs, link, depth + 1);
                    }

                    break;
            }
        }
    }

    private void RunContent(Run run, List<InlineRun> runs, string? link)
    {
        var properties = run.RunProperties;
        var (styleBold, styleItalic) = _styles.RunStyle(properties?.RunStyle?.Val?.Value);
        var bold = properties?.Bold is { } b ? b.Val?.Value ?? true : styleBold ?? false;
        var italic = properties?.Italic is { } i ? i.Val?.Value ?? true : styleItalic ?? false;
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    runs.Add(new InlineRun(RunKind.Text, text.Text, bold, italic, link));
                    break;
                case TabChar or PositionalTab:
                    runs.Add(new InlineRun(RunKind.Text, " ", bold, italic, link));
                    break;
                case Break or CarriageReturn:
                    runs.Add(InlineRun.LineBreak);
                    break;
                case NoBreakHyphen:
                    runs.Add(new InlineRun(RunKind.Text, "-", bold, italic, link));
                    break;
                case Drawing or Picture or AlternateContent:
                    Image(child, runs);
                    break;
            }
        }
    }

    private string? LinkOf(Hyperlink hyperlink)
    {
        var id = hyperlink.Id?.Value;
        if (id is null)
        {
            return null;
        }

        var target = _main.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri;
        return target is null ? null : MarkdownText.SafeLink(target.IsAbsoluteUri ? target.AbsoluteUri : target.OriginalString);
    }

    private void Image(OpenXmlElement element, List<InlineRun> runs)
    {
        var docPr = element.Descendants<Dw.DocProperties>().FirstOrDefault();
        var relId = element.Descendants<A.Blip>().FirstOrDefault()?.Embed?.Value
            ?? element.Descendants<V.ImageData>().FirstOrDefault()?.RelationshipId?.Value;
        if (relId is null)
        {
            return;
        }

        ImagePart? part;
        try
        {
            part = _main.GetPartById(relId) as ImagePart;
        }
        catch (ArgumentOutOfRangeException)
        {
            part = null;
        }

        if (part is null)
        {
            return;
        }

        if (!_imageByPart.TryGetValue(part.Uri, out var index))
        {
            var content = ReadImage(part);
            if (content is null)
            {
                return;
            }

            var alt = AltOf(docPr?.Description?.Value) ?? AltOf(docPr?.Title?.Value)
                ?? AltOf(element.Descendants<V.Shape>().FirstOrDefault()?.Alternate?.Value);
            index = _images.Count;
            var name = Path.GetFileName(part.Uri.OriginalString);
            _images.Add(new WordImage(index, content, name, alt));
            _imageByPart[part.Uri] = index;
        }

        runs.Add(new InlineRun(RunKind.Raw, WordImage.PlaceholderOf(index)));
    }

    /// <summary>The image's bytes, or null (counted) when it is too large or of a type the media library refuses.</summary>
    private byte[]? ReadImage(ImagePart part)
    {
        using var stream = part.GetStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _limits.MaxImageBytes)
            {
                _tooLargeImages++;
                return null;
            }
        }

        var bytes = buffer.ToArray();
        if (ImageSniffer.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, ImageSniffer.HeaderLength))) is null)
        {
            _unsupportedImages++;
            return null;
        }

        return bytes;
    }

    private static string? AltOf(string? value)
    {
        var alt = MarkdownText.CollapseWhiteSpace(value ?? "").Trim();
        return alt.Length == 0 || AltTextRules.IsPlaceholder(alt) ? null : alt;
    }
}
