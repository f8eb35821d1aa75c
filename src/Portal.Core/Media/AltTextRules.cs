namespace Portal.Core.Media;

/// <summary>
/// What an image's alt text (替代文字) must not be: empty, one of the words editors leave in by
/// habit or that editors' templates put there (<see cref="Placeholders"/>), or the file's name.
/// Compared without case, spaces or trailing dots and ellipses. The server's body check and the
/// editor's picker (which renders <see cref="Placeholders"/> into the page) use this one list.
/// </summary>
public static class AltTextRules
{
    /// <summary>The placeholder words, as the editor page receives them.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
    [
        "说明文字", "图片", "图片说明", "图片描述", "图像", "照片", "插图", "配图", "图", "示意图", "截图", "此处输入图片描述", "请输入图片描述", "替代文字", "描述", "无", "暂无",
        "image", "images", "photo", "picture", "img", "pic", "graphic", "screenshot", "alt", "alt text", "none", "untitled", "placeholder",
    ];

    /// <summary>
    /// Image file extensions: an alt text that is a bare file name ("clip_image002.jpg", which Word
    /// writes as an image's description) says nothing either.
    /// </summary>
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".emf", ".wmf", ".tif", ".tiff"];

    private static readonly HashSet<string> Normalized = Placeholders.Select(Normalize).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="alt"/> is empty, only a placeholder word (numbered or not: Word
    /// names images 图片 1, 图片 2…), or a bare image file name.
    /// </summary>
    public static bool IsPlaceholder(string? alt) =>
        Normalize(alt) is var n && (n.Length == 0 || Normalized.Contains(n) || Normalized.Contains(n.TrimEnd(NumberingCharacters))
            || Array.Exists(ImageExtensions, e => n.EndsWith(e, StringComparison.Ordinal)));

    /// <summary>What may follow a placeholder word as its number ("图片1", "image_02", "图-3").</summary>
    private static readonly char[] NumberingCharacters = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '_', '-'];

    /// <summary>Whether <paramref name="alt"/> is a placeholder or the file's own name (with or without its extension).</summary>
    public static bool IsPlaceholder(string? alt, string? fileName)
    {
        if (IsPlaceholder(alt))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(fileName))
        {
            return false;
        }

        var n = Normalize(alt);
        return n == Normalize(fileName) || n == Normalize(Path.GetFileNameWithoutExtension(fileName));
    }

    /// <summary>
    /// Why <paramref name="alt"/> cannot be stored as an image's own alt text
    /// (<see cref="MediaFile.AltText"/>), or null when it can (empty clears it): longer than
    /// <see cref="Data.FieldLengths.AltText"/>, carrying markup or control characters (it is text
    /// read out by a screen reader, never HTML), or a placeholder or the file's name.
    /// </summary>
    public static string? Refusal(string? alt, string? fileName)
    {
        var text = alt?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > Data.FieldLengths.AltText)
        {
            return $"替代文本不能超过 {Data.FieldLengths.AltText} 个字（现在是 {text.Length} 个字）。";
        }

        if (text.Any(c => c is '<' or '>' || char.IsControl(c)))
        {
            return "替代文本只能是纯文字，不能包含 < > 等网页代码或控制字符。";
        }

        return IsPlaceholder(text, fileName)
            ? "“图片”“说明文字”这样的占位词或文件名不能作为替代文本，请写明图片的内容，例如“吐鲁番市召开民族团结大会”。"
            : null;
    }

    private static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var kept = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        return kept.TrimEnd('.', '…', '。', ':', '：');
    }
}
