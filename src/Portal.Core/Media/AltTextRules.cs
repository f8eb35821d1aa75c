namespace Portal.Core.Media;

/// <summary>
/// Which alternative texts say nothing about an image: words a person types to get past a
/// required field. The editor's image dialog refuses them (the list is rendered into the page).
/// </summary>
public static class AltTextRules
{
    /// <summary>Placeholder words, compared case-insensitively with the trimmed text.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
        ["说明文字", "图片说明", "图片", "照片", "图像", "配图", "插图", "image", "img", "picture", "photo", "alt"];

    /// <summary>True when <paramref name="alt"/> is empty or one of <see cref="Placeholders"/>.</summary>
    public static bool IsPlaceholder(string? alt)
    {
        var text = alt?.Trim() ?? "";
        return text.Length == 0 || Placeholders.Contains(text, StringComparer.OrdinalIgnoreCase);
    }
}
