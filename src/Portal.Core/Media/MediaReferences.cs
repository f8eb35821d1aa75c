using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Media;

/// <summary>
/// Which library files a body refers to: every <c>/media/{storedName}</c> in its Markdown (images,
/// attachment links, even a bare address in the text: counting too much keeps a file from being
/// deleted under a page, counting too little would break the page). The one reading of this
/// question: uses (<see cref="MediaUseRecorder"/>), body validation and the inspection's link
/// checks (<see cref="FindMissingAsync"/>) all call it.
/// </summary>
public static partial class MediaReferences
{
    /// <summary>The stored names <paramref name="markdown"/> refers to, each once, in order of first appearance.</summary>
    public static IReadOnlyList<string> StoredNamesIn(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown) || !markdown.Contains("/media/", StringComparison.Ordinal))
        {
            return [];
        }

        var names = new List<string>();
        foreach (Match match in Reference().Matches(markdown))
        {
            var name = match.Groups[1].Value;
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>
    /// The <c>/media/</c> addresses of <paramref name="markdown"/> (also malformed ones such as
    /// <c>/media/x.exe</c>) that name no stored file: no row, or its file is gone from disk.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindMissingAsync(PortalDbContext db, MediaFolder folder, string? markdown, CancellationToken cancellationToken = default)
    {
        var missing = new List<string>();
        if (string.IsNullOrEmpty(markdown))
        {
            return missing;
        }

        foreach (Match match in AnyMediaAddress().Matches(markdown))
        {
            if (!MediaLibrary.IsStoredName(match.Groups[1].Value) && !missing.Contains(match.Value))
            {
                missing.Add(match.Value);
            }
        }

        var names = StoredNamesIn(markdown);
        if (names.Count == 0)
        {
            return missing;
        }

        var known = await db.MediaFiles.AsNoTracking()
            .Where(m => names.Contains(m.StoredName) || (m.ListVariantName != null && names.Contains(m.ListVariantName)))
            .Select(m => new { m.StoredName, m.ListVariantName })
            .ToListAsync(cancellationToken);
        foreach (var name in names)
        {
            var exists = known.Exists(k => k.StoredName == name || k.ListVariantName == name)
                && File.Exists(Path.Combine(folder.Path, name));
            if (!exists)
            {
                missing.Add(MediaLibrary.UrlOf(name));
            }
        }

        return missing;
    }

    [GeneratedRegex(@"/media/([0-9a-f]{32}(?:\.list)?\.(?:jpg|png|gif|webp|pdf|ofd|doc|docx|xls|xlsx|wps|et|odt|ods|txt|zip))(?![0-9A-Za-z._-])", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"/media/([^\s)""'<>\]]+)", RegexOptions.CultureInvariant)]
    private static partial Regex AnyMediaAddress();
}
