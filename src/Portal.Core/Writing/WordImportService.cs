using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Media;
using Portal.Core.Site;

namespace Portal.Core.Writing;

/// <summary>
/// 导入Word: a .docx becomes a new draft through <see cref="EditorialService.CreateAsync"/> (so
/// its rules, revision and audit apply), its images stored in the media library. The images and
/// the draft are one unit: a refused document or draft leaves no article, no media row and no file.
/// When an image has no alt text, the images are stored and the converted text comes back
/// (<see cref="WordImportOutcome.NeedsAltText"/>) for the editor to describe them; then
/// <see cref="CompleteAsync"/> creates the draft.
/// </summary>
public sealed class WordImportService(
    PortalDbContext db,
    EditorialService editorial,
    MediaLibrary media,
    MediaFolder folder,
    AuditLog audit,
    IOptions<WritingOptions> options)
{
    /// <summary>The largest document in bytes (<see cref="WritingOptions.MaxWordBytes"/>).</summary>
    public long MaxWordBytes => options.Value.MaxWordBytes;

    /// <summary>Step one: reads, checks and converts the document, stores its images and (when every image has alt text) creates the draft.</summary>
    public async Task<WordImportResult> ImportAsync(EditorialActor actor, Stream content, string fileName, int sectionId, string source, CancellationToken cancellationToken = default)
    {
        var name = SafeFileName(fileName);
        var bytes = await ReadLimitedAsync(content, MaxWordBytes, cancellationToken);
        if (bytes is null)
        {
            return WordImportResult.Refused(WordPackageCheck.TooLarge(MaxWordBytes));
        }

        WordConversion conversion;
        try
        {
            var o = options.Value;
            conversion = WordDocumentConverter.Convert(bytes, name, new WordLimits(o.MaxWordBytes, o.MaxWordUncompressedBytes, o.MaxWordParts, media.MaxUploadBytes));
        }
        catch (ConversionRefusedException ex)
        {
            return WordImportResult.Refused(ex.Message);
        }

        var stored = new List<string>();
        WordImportResult result;
        try
        {
            result = await db.InTransactionAsync(
                async () =>
                {
                    db.ChangeTracker.Clear();
                    stored.Clear();
                    var notes = conversion.Notes.ToList();
                    var markdown = new StringBuilder(conversion.Markdown);
                    var pending = new List<PendingImage>();
                    foreach (var image in conversion.Images)
                    {
                        var upload = await media.UploadAsync(new MemoryStream(image.Content), ImageName(name, image), actor.UserId, cancellationToken);
                        var storedName = upload.Id is { } id ? await media.StoredNameAsync(id, cancellationToken) : null;
                        if (!upload.Succeeded || storedName is null)
                        {
                            notes.Add($"图片“{image.Name}”未导入：{string.Join("", upload.Errors.Select(e => e.Message))}");
                            markdown.Replace(image.Placeholder, "");
                            continue;
                        }

                        stored.Add(storedName);
                        var alt = image.Alt is null ? "" : MarkdownText.EscapeInline(image.Alt);
                        markdown.Replace(image.Placeholder, $"![{alt}]({MediaLibrary.UrlOf(storedName)})");
                        if (image.Alt is null)
                        {
                            pending.Add(new PendingImage(storedName, image.Name));
                        }
                    }

                    var text = markdown.ToString();
                    if (pending.Count > 0)
                    {
                        return new WordImportResult(WordImportOutcome.NeedsAltText, Notes: notes, Draft: new WordImportDraft(conversion.Title, text, name, pending));
                    }

                    var description = string.Create(CultureInfo.InvariantCulture, $"导入Word“{name}”：{conversion.Paragraphs} 段，{conversion.Tables} 个表格，{stored.Count} 张图片");
                    return await CreateDraftAsync(actor, conversion.Title, sectionId, source, text, description, notes, cancellationToken);
                },
                r => r.Outcome != WordImportOutcome.Refused,
                cancellationToken);
        }
        catch
        {
            DeleteFiles(stored);
            throw;
        }

        if (result.Outcome == WordImportOutcome.Refused)
        {
            DeleteFiles(stored);
        }

        return result;
    }

    /// <summary>
    /// Step two: the editor's alt text (keyed by stored name) goes into the converted Markdown
    /// and the draft is created. Alt text must be given and must describe (no placeholder word).
    /// </summary>
    public async Task<WordImportResult> CompleteAsync(EditorialActor actor, string title, int sectionId, string source, string markdown, string fileName, IReadOnlyDictionary<string, string?> alts, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var body = markdown;
        // The images' names as stored (not as the form says): an alt text that is only the file's
        // name describes nothing either.
        var keys = alts.Keys.Where(MediaLibrary.IsStoredName).ToList();
        var fileNames = await db.MediaFiles.AsNoTracking().Where(m => keys.Contains(m.StoredName))
            .ToDictionaryAsync(m => m.StoredName, m => m.OriginalName, cancellationToken);
        foreach (var (storedName, value) in alts)
        {
            if (!MediaLibrary.IsStoredName(storedName))
            {
                continue;
            }

            var alt = MarkdownText.CollapseWhiteSpace(value ?? "").Trim();
            if (alt.Length == 0)
            {
                errors[storedName] = "请填写图片的替代文字，说明图片的内容。";
            }
            else if (AltTextRules.IsPlaceholder(alt, fileNames.GetValueOrDefault(storedName)))
            {
                errors[storedName] = $"“{alt}”不能说明图片的内容，请写出图片中是什么。";
            }
            else if (alt.Length > FieldLengths.Title)
            {
                errors[storedName] = $"替代文字不能超过 {FieldLengths.Title} 个字。";
            }
            else
            {
                body = body.Replace($"![]({MediaLibrary.UrlOf(storedName)})", $"![{MarkdownText.EscapeInline(alt)}]({MediaLibrary.UrlOf(storedName)})", StringComparison.Ordinal);
            }
        }

        if (errors.Count > 0)
        {
            return WordImportResult.Refused("请为每张图片填写替代文字。", errors.Select(e => new FieldError(e.Key, e.Value)).ToList());
        }

        var name = SafeFileName(fileName);
        var description = string.Create(CultureInfo.InvariantCulture, $"导入Word“{name}”：补填 {alts.Count} 张图片的替代文字");
        return await db.InTransactionAsync(
            () => CreateDraftAsync(actor, title, sectionId, source, body, description, [], cancellationToken),
            r => r.Outcome == WordImportOutcome.Created,
            cancellationToken);
    }

    private async Task<WordImportResult> CreateDraftAsync(EditorialActor actor, string title, int sectionId, string source, string markdown, string description, List<string> notes, CancellationToken cancellationToken)
    {
        var fields = new ArticleFields { Title = title, SectionId = sectionId, Source = source, BodyMarkdown = markdown };
        var created = await editorial.CreateAsync(actor, fields, submit: false, cancellationToken);
        if (!created.Succeeded)
        {
            return WordImportResult.Refused(created.Message ?? "草稿未能创建。", created.Errors);
        }

        audit.Add(AuditActions.ArticleImportWord, "article", created.Id!.Value.ToString(CultureInfo.InvariantCulture), description);
        await db.SaveChangesAsync(cancellationToken);
        return new WordImportResult(WordImportOutcome.Created, created.Id!.Value, "已从Word文档导入为草稿。", notes);
    }

    private void DeleteFiles(List<string> storedNames)
    {
        foreach (var storedName in storedNames)
        {
            // The image and the small copy the library makes of a wide one (<hex>.list.<ext>).
            File.Delete(Path.Combine(folder.Path, storedName));
            File.Delete(Path.Combine(folder.Path, Path.GetFileNameWithoutExtension(storedName) + ".list" + Path.GetExtension(storedName)));
        }
    }

    private static string ImageName(string documentName, WordImage image) =>
        Path.GetFileNameWithoutExtension(documentName) + "-" + image.Name;

    /// <summary>The file's own name, whatever path a browser sent (old IE sends C:\…\name.docx).</summary>
    private static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return name.Length == 0 ? "document.docx" : name.Length > FieldLengths.FileName ? name[..FieldLengths.FileName] : name;
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream content, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
