namespace Portal.Core.Writing;

/// <summary>
/// Alt text that says nothing about an image ("图片", "说明文字", "image"…), which an import does
/// not accept as the image's description. Kept here until the media library's shared rule
/// (<c>AltTextRules.IsPlaceholder</c> in Portal.Core.Media) is merged; then this class calls it.
/// </summary>
public static class WordAltText
{
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "图片", "图像", "照片", "说明文字", "图片说明", "替代文字", "插图", "示意图", "截图", "无", "暂无",
        "image", "img", "picture", "pic", "photo", "graphic", "screenshot", "alt", "none", "untitled",
    };

    /// <summary>Whether <paramref name="alt"/> is a placeholder word (or a file name) rather than a description.</summary>
    public static bool IsPlaceholder(string alt)
    {
        var text = alt.Trim().TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ', '_', '-');
        if (text.Length == 0 || Placeholders.Contains(text))
        {
            return true;
        }

        // A bare file name ("clip_image002.jpg", "图片1.png").
        var extension = Path.GetExtension(alt.Trim()).ToLowerInvariant();
        return extension is ".jpg" or ".jpeg" or ".png" or ".gif" or ".webp" or ".bmp" or ".emf" or ".wmf" or ".tif" or ".tiff";
    }
}
