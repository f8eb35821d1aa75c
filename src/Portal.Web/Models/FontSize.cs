namespace Portal.Web.Models;

/// <summary>The reader's text size (字号), remembered in a cookie so it holds across pages.</summary>
public enum FontSize
{
    Small,
    Medium,
    Large,
}

/// <summary>Reads and names the 字号 preference.</summary>
public static class FontSizePreference
{
    /// <summary>The cookie that holds the preference; written by the server and by site.js alike.</summary>
    public const string CookieName = "portal-font-size";

    /// <summary>The choices in the order the switch shows them: 大 中 小.</summary>
    public static IReadOnlyList<(FontSize Size, string Label)> Choices { get; } =
        [(FontSize.Large, "大"), (FontSize.Medium, "中"), (FontSize.Small, "小")];

    private static readonly object ItemKey = new();

    /// <summary>
    /// The reader's choice, or <see cref="FontSize.Medium"/> when none (or nonsense) was stored.
    /// Read from the cookie once per request: the layout (the page's class) and the article page
    /// (the switch's current entry) both ask.
    /// </summary>
    public static FontSize Of(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var known) && known is FontSize remembered)
        {
            return remembered;
        }

        var size = context.Request.Cookies.TryGetValue(CookieName, out var value) && TryParse(value, out var parsed) ? parsed : FontSize.Medium;
        context.Items[ItemKey] = size;
        return size;
    }

    /// <summary>Parses the lower-case name used in URLs and the cookie.</summary>
    public static bool TryParse(string? value, out FontSize size)
    {
        size = FontSize.Medium;
        return value is "small" or "medium" or "large" && Enum.TryParse(value, ignoreCase: true, out size);
    }

    /// <summary>The lower-case name used in URLs, the cookie and the <c>fs-…</c> CSS class.</summary>
    public static string Name(this FontSize size) => size.ToString().ToLowerInvariant();
}
