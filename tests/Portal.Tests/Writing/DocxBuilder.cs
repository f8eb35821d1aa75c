using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Portal.Tests.Writing;

/// <summary>Word documents built with the Open XML SDK for the import tests.</summary>
internal static class DocxBuilder
{
    /// <summary>
    /// A document with a core title (optional), heading styles (English id and a localised one
    /// found by outline level through based-on), numbering, a table, a hyperlink, a tracked
    /// change and the given images (bytes and alt text) each in its own paragraph.
    /// </summary>
    public static byte[] Build(Action<Body, MainDocumentPart> content, string? coreTitle = null, WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            AddNumbering(main);
            content(main.Document.Body!, main);
            if (coreTitle is not null)
            {
                document.PackageProperties.Title = coreTitle;
            }
        }

        return stream.ToArray();
    }

    public static Paragraph Para(params OpenXmlElement[] runs) => new(runs);

    public static Paragraph Styled(string styleId, params OpenXmlElement[] runs) =>
        new([new ParagraphProperties(new ParagraphStyleId { Val = styleId }), .. runs]);

    public static Paragraph ListItem(int numId, int level, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" }, new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })), T(text));

    public static Run T(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var props = new RunProperties();
            if (bold)
            {
                props.Append(new Bold());
            }

            if (italic)
            {
                props.Append(new Italic());
            }

            run.Append(props);
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    public static Hyperlink Link(MainDocumentPart main, string url, string text)
    {
        var rel = main.AddHyperlinkRelationship(new Uri(url, UriKind.RelativeOrAbsolute), true);
        return new Hyperlink(T(text)) { Id = rel.Id };
    }

    public static InsertedRun Inserted(string text) => new(T(text)) { Id = "1", Author = "李明", Date = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc) };

    public static DeletedRun Deleted(string text) =>
        new(new Run(new DeletedText(text))) { Id = "2", Author = "李明", Date = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc) };

    public static Table Table(params string[][] rows)
    {
        var table = new Table(new TableProperties(new TableStyle { Val = "TableGrid" }));
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(c => new TableCell(new Paragraph(T(c))))));
        }

        return table;
    }

    /// <summary>An inline picture with the given alt text (wp:docPr descr; null for none).</summary>
    public static Run Image(MainDocumentPart main, byte[] bytes, string contentType, string? descr, uint id)
    {
        var part = main.AddImagePart(contentType);
        using (var s = new MemoryStream(bytes))
        {
            part.FeedData(s);
        }

        var relId = main.GetIdOfPart(part);
        var docPr = new Dw.DocProperties { Id = id, Name = "图片 " + id };
        if (descr is not null)
        {
            docPr.Description = descr;
        }

        var inline = new Dw.Inline(
            new Dw.Extent { Cx = 990000L, Cy = 792000L },
            docPr,
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = id, Name = "image" + id }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 990000L, Cy = 792000L }), new A.PresetGeometry { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }));
        return new Run(new Drawing(inline));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }, new StyleRunProperties(new Bold())) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
            // WPS / Chinese Word: a localised name and a numeric id, the level only by outline level up the chain.
            new Style(new StyleName { Val = "标题 2" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "2" },
            new Style(new StyleName { Val = "公文小标题" }, new BasedOn { Val = "OutlineBase" }) { Type = StyleValues.Paragraph, StyleId = "a5" },
            new Style(new StyleName { Val = "大纲基础" }, new StyleParagraphProperties(new OutlineLevel { Val = 2 })) { Type = StyleValues.Paragraph, StyleId = "OutlineBase" },
            new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
            new Style(new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "ListParagraph" },
            new Style(new StyleName { Val = "Strong" }, new StyleRunProperties(new Bold())) { Type = StyleValues.Character, StyleId = "Strong" });
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 },
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.LowerLetter }, new LevelText { Val = "%2)" }) { LevelIndex = 1 })
            { AbstractNumberId = 1 },
            new AbstractNum(
                new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "·" }) { LevelIndex = 0 })
            { AbstractNumberId = 2 },
            new AbstractNum(
                new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting }, new LevelText { Val = "%1、" }) { LevelIndex = 0 })
            { AbstractNumberId = 3 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
            new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 },
            new NumberingInstance(new AbstractNumId { Val = 3 }) { NumberID = 3 });
    }

    /// <summary>A zip package holding the given entries (text), for packages the SDK would not write.</summary>
    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>What an encrypted Office document looks like: an OLE compound file naming the encryption streams (UTF-16).</summary>
    public static byte[] EncryptedOle()
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(bytes, 1024);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1152);
        return bytes;
    }

    /// <summary>An old binary .doc: an OLE compound file with a WordDocument stream.</summary>
    public static byte[] OldDoc()
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("WordDocument").CopyTo(bytes, 1024);
        return bytes;
    }
}
