using System.Globalization;
using System.Text;
using Portal.Core.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Import;

/// <summary>
/// Bad input is refused with a message that names the file (and the line where there is one), and
/// the store, which already holds the seed, is left exactly as it was.
/// </summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public class SiteImporterBadInputTests(SeededStoreFixture fixture) : IClassFixture<SeededStoreFixture>
{
    [Fact]
    public async Task ImportAsync_EmptyFile_RefusedNamingFileAndStoreUnchanged()
    {
        using var folder = TempFolder.CopyOfSeeds();
        var file = folder.Write(SeedPage.FileName, "");

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(file, ex.File);
        Assert.Null(ex.Line);
        Assert.Equal($"{file}: the file is empty", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_DateLineRightAfterBreadcrumb_RefusedAtThatLineAndStoreUnchanged()
    {
        using var folder = TempFolder.CopyOfSeeds();
        var file = folder.Write(SeedPage.FileName, SeedPage.ReplaceOnce(SeedPage.Text, "新疆吐鲁番市：融心、融情、融亲、融力促创建\n\n", ""));

        var ex = await AssertRefusedAsync(folder.Path);

        // Without the title and its blank line, the date line is line 5.
        Assert.Equal(file, ex.File);
        Assert.Equal(5, ex.Line);
        Assert.StartsWith($"{file}:5: the title is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ImpossibleDate_RefusedAtDateLineAndStoreUnchanged()
    {
        using var folder = TempFolder.CopyOfSeeds();
        var file = folder.Write(SeedPage.FileName, SeedPage.ReplaceOnce(SeedPage.Text, "2023-11-21", "2023-13-45"));

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(file, ex.File);
        Assert.Equal(SeedPage.DateLineNumber, ex.Line);
        Assert.StartsWith($"{file}:{SeedPage.DateLineNumber}: \"2023-13-45\" is not a valid date", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_DateLineWithoutSource_RefusedAtDateLineAndStoreUnchanged()
    {
        using var folder = TempFolder.CopyOfSeeds();
        var file = folder.Write(SeedPage.FileName, SeedPage.ReplaceOnce(SeedPage.Text, "来源：新疆维吾尔自治区民委 ", ""));

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(file, ex.File);
        Assert.Equal($"{file}:{SeedPage.DateLineNumber}: the source (来源：…) is missing from the date line", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_BinaryGarbage_RefusedNamingFileAndStoreUnchanged()
    {
        using var folder = TempFolder.CopyOfSeeds();
        var bytes = new byte[64 * 1024];
#pragma warning disable CA5394 // Test data, not security: a fixed seed makes the garbage the same on every run.
        new Random(20231121).NextBytes(bytes);
#pragma warning restore CA5394

        // No byte-order mark at the start (which would switch the decoder), then a NUL and bytes
        // that can never occur in UTF-8.
        bytes[0] = (byte)'x';
        bytes[1] = 0x00;
        bytes[2] = 0xFF;
        bytes[3] = 0xC0;
        var file = Path.Combine(folder.Path, SeedPage.FileName);
        await File.WriteAllBytesAsync(file, bytes);

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(file, ex.File);
        Assert.StartsWith($"{file}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ValidUtf8WithNulBytes_RefusedAtThatLineAndStoreUnchanged()
    {
        // NUL bytes are valid UTF-8, so only the parser's control-character check can refuse them.
        using var folder = TempFolder.CopyOfSeeds();
        var file = folder.Write(SeedPage.FileName, SeedPage.ReplaceOnce(SeedPage.Text, "今年1月", "今年\0\0\01月"));

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(file, ex.File);
        Assert.Equal(9, ex.Line);
        Assert.StartsWith($"{file}:9: the file contains binary data or control characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ParagraphNestedTooDeeply_RefusedAtItsLineAndStoreUnchanged()
    {
        // The third paragraph is line 13 of the seed file.
        using var folder = TempFolder.CopyOfSeeds();
        var file = folder.Write(SeedPage.FileName, SeedPage.ReplaceOnce(SeedPage.Text, SeedPage.Paragraphs[2], TestContent.TooDeepMarkdown));
        Assert.Equal(13, SeedPage.Lines.ToList().IndexOf(SeedPage.Paragraphs[2]) + 1);

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(file, ex.File);
        Assert.Equal(13, ex.Line);
        Assert.Equal($"{file}:13: the body text cannot be rendered: {Portal.Core.Articles.MarkdownTooDeepException.Problem}", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_FileOver50MB_RefusedBySizeBeforeParsingAndStoreUnchanged()
    {
        using var folder = TempFolder.CopyOfSeeds();
        var file = Path.Combine(folder.Path, SeedPage.FileName);

        // A well-formed page whose first paragraph is 50 MB long: only the size limit can refuse it.
        var (head, tail) = SplitAfterDateLine(SeedPage.Text);
        await using (var writer = new StreamWriter(file, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            await writer.WriteAsync(head);
            var chunk = string.Concat(Enumerable.Repeat("融心融情融亲融力。", 100_000));
            var chunkBytes = Encoding.UTF8.GetByteCount(chunk);
            for (long written = 0; written < 50L * 1024 * 1024; written += chunkBytes)
            {
                await writer.WriteAsync(chunk);
            }

            await writer.WriteAsync(tail);
        }

        var length = new FileInfo(file).Length;
        Assert.True(length > 50L * 1024 * 1024, $"the test file is {length} bytes");

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(file, ex.File);
        Assert.Null(ex.Line);
        Assert.StartsWith($"{file}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Import:MaxFileBytes", ex.Message, StringComparison.Ordinal);

        // The importer's messages are English and format numbers invariantly, e.g. 5,242,880.
        Assert.Contains((5 * 1024 * 1024).ToString("N0", CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Contains(length.ToString("N0", CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_FolderWithChangedGoodFileAndBadFile_RefusedAndGoodChangeNotStored()
    {
        using var folder = TempFolder.CopyOfSeeds();

        // The good file sorts first, so it is read (and applied) before the bad one is found.
        folder.Write(SeedPage.FileName, SeedPage.ReplaceOnce(SeedPage.Text, SeedPage.Paragraphs[0], "本段已修订。"));
        var bad = folder.Write("001_bad.txt", SeedPage.ReplaceOnce(SeedPage.Text, "2023-11-21", "2023-13-45"));

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(bad, ex.File);
        Assert.Equal(SeedPage.DateLineNumber, ex.Line);
        Assert.StartsWith($"{bad}:{SeedPage.DateLineNumber}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_SecondFileFailsWhileApplying_RefusedAndFirstFileChangesNotStored()
    {
        using var folder = TempFolder.CopyOfSeeds();

        // Both files parse. The second, in a sub-folder with its own mapping, adds a section under
        // 新闻 whose mapped slug is 地方动态's: the importer finds that only while applying, after
        // the first file's changed body is already in the unit of work.
        folder.Write(SeedPage.FileName, SeedPage.ReplaceOnce(SeedPage.Text, SeedPage.Paragraphs[0], "本段已修订。"));
        var otherPage = SeedPage.ReplaceOnce(
            SeedPage.ReplaceOnce(SeedPage.Text, "[地方动态](#)", "[工作交流](#)"),
            "新疆吐鲁番市：融心、融情、融亲、融力促创建",
            "另一篇文章");
        var second = folder.Write(Path.Combine("more", "001.txt"), otherPage);
        folder.Write(Path.Combine("more", ImportMapping.FileName), """{ "sections": { "工作交流": { "slug": "difang" } } }""");

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(second, ex.File);
        Assert.Null(ex.Line);
        Assert.StartsWith($"{second}: section \"工作交流\" would get the slug \"difang\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_NonexistentPath_RefusedNamingPathAndStoreUnchanged()
    {
        using var folder = TempFolder.Create();
        var missing = Path.Combine(folder.Path, "no-such-folder");

        var ex = await AssertRefusedAsync(missing);

        Assert.Equal(missing, ex.File);
        Assert.Equal($"{missing}: no such file or folder", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_MappingWithInvalidJson_RefusedNamingMappingLineAndStoreUnchanged()
    {
        using var folder = TempFolder.CopyOfSeeds();
        var mappingPath = Path.Combine(folder.Path, ImportMapping.FileName);
        var mappingLines = await File.ReadAllLinesAsync(mappingPath);
        var badLine = Array.FindIndex(mappingLines, l => l.Contains("\"difang\"", StringComparison.Ordinal)) + 1;
        Assert.True(badLine > 1, "the seed mapping maps 地方动态 to difang");
        folder.Write(ImportMapping.FileName, SeedPage.ReplaceOnce(File.ReadAllText(mappingPath), "\"difang\"", "difang"));

        var ex = await AssertRefusedAsync(folder.Path);

        Assert.Equal(mappingPath, ex.File);
        Assert.Equal(badLine, ex.Line);
        Assert.StartsWith($"{mappingPath}:{badLine}: not a valid mapping file", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Imports <paramref name="path"/>, expects an <see cref="ImportException"/>, and checks the store did not change.</summary>
    private async Task<ImportException> AssertRefusedAsync(string path)
    {
        var before = await StoreSnapshot.TakeAsync(fixture.Factory);
        Assert.Equal(1, before.RowCounts["Articles"]);

        var ex = await Assert.ThrowsAsync<ImportException>(() => fixture.Factory.ImportAsync(path));

        var after = await StoreSnapshot.TakeAsync(fixture.Factory);
        Assert.Equal(before.RowCounts, after.RowCounts);
        Assert.Equal(before.Text, after.Text);
        return ex;
    }

    private static (string Head, string Tail) SplitAfterDateLine(string text)
    {
        var dateLine = text.IndexOf("日期：", StringComparison.Ordinal);
        var end = text.IndexOf('\n', dateLine) + 1;
        return (text[..end] + "\n", "\n\n" + text[end..]);
    }
}
