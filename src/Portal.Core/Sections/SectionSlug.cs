using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Data;

namespace Portal.Core.Sections;

/// <summary>The rules for section slugs: lower-case ASCII words joined by hyphens, not a reserved path.</summary>
public static partial class SectionSlug
{
    /// <summary>The rule in words, for error messages.</summary>
    public static string Rule { get; } = $"lower-case letters, digits and single hyphens, at most {FieldLengths.Slug} characters, and not a reserved path";

    /// <summary>
    /// First path segments that belong to the site itself, not to sections: a section with one
    /// of these slugs would hide the page or the files at that address.
    /// </summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "api", "articles", "contact", "css", "error", "favicon.ico", "font-size", "health",
        "images", "js", "lib", "media", "preview", "robots.txt", "rss", "rss.xml", "search", "sitemap", "sitemap.xml",
    };

    public static bool IsValid(string slug) =>
        slug.Length <= FieldLengths.Slug && SlugPattern().IsMatch(slug) && !Reserved.Contains(slug);

    /// <summary>
    /// A stable slug for a section that has no mapped one (a Chinese name has no ASCII form
    /// without a transliteration table): <c>s-</c> and 8 hex digits of the name's hash.
    /// </summary>
    public static string FromName(string name) =>
        "s-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
