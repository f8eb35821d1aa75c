using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Portal.Core.Data;
using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Core.Import;

/// <summary>
/// What a captured page cannot say for itself, read from <c>mapping.json</c> beside the pages:
/// the slugs (and full names) of sections, the real addresses of footer links (captured pages
/// carry only <c>#</c> placeholders), and the site's name.
/// </summary>
public sealed class ImportMapping
{
    /// <summary>The mapping file's name; the importer looks for it in the folder of the pages.</summary>
    public const string FileName = "mapping.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Site-wide values that no page shows.</summary>
    public SiteMapping Site { get; set; } = new();

    /// <summary>Sections by menu label or full name.</summary>
    public Dictionary<string, SectionMapping> Sections { get; set; } = [];

    /// <summary>Footer links by their text.</summary>
    public Dictionary<string, LinkMapping> Links { get; set; } = [];

    /// <summary>The group of a footer link whose mapping names none.</summary>
    public string DefaultLinkGroup { get; set; } = "相关链接";

    /// <summary>An empty mapping, for pages imported from a folder without a mapping file.</summary>
    public static ImportMapping Empty { get; } = new();

    /// <summary>Reads and validates a mapping file.</summary>
    /// <exception cref="ImportException">The file is not valid JSON or holds a bad value.</exception>
    public static ImportMapping Load(string path)
    {
        ImportMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<ImportMapping>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new ImportException(path, (int?)ex.LineNumber + 1, $"not a valid mapping file: {ex.Message}", ex);
        }

        if (mapping is null)
        {
            throw new ImportException(path, null, "the mapping file is empty");
        }

        CheckLength(mapping.Site.Name, FieldLengths.SiteName, "site.name", path);
        CheckLength(mapping.Site.Sponsor, FieldLengths.Organisation, "site.sponsor", path);
        if (mapping.Site.SiteCode is { } siteCode && !Regex.IsMatch(siteCode, SiteSettingsRules.SiteCodePattern, RegexOptions.CultureInvariant))
        {
            // The admin form's rule: an imported code the settings page would refuse is refused here too.
            throw new ImportException(path, null, $"site.siteCode: \"{siteCode}\" is not a site code (bm and 8 digits, or 10 digits)");
        }

        CheckLength(mapping.DefaultLinkGroup, FieldLengths.GroupName, "defaultLinkGroup", path);
        foreach (var (name, section) in mapping.Sections)
        {
            if (section.Slug is not null && !SectionSlug.IsValid(section.Slug))
            {
                throw new ImportException(path, null, $"section \"{name}\": \"{section.Slug}\" is not a valid slug ({SectionSlug.Rule})");
            }

            CheckLength(section.Name, FieldLengths.SectionName, $"the name of section \"{name}\"", path);
            CheckKind(name, section, path);
        }

        foreach (var (text, link) in mapping.Links)
        {
            // The footer link form's rule, and its normalised value is what is stored.
            if (link.Url is not null)
            {
                if (!LinkUrl.TryNormalize(link.Url, out var url))
                {
                    throw new ImportException(path, null, $"link \"{text}\": \"{link.Url}\" is not an http(s) address or a site path starting with one / (no spaces or backslashes, at most {FieldLengths.Url} characters)");
                }

                link.Url = url;
            }

            CheckLength(link.Group, FieldLengths.GroupName, $"the group of link \"{text}\"", path);
        }

        return mapping;
    }

    private static readonly Dictionary<string, SectionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["list"] = SectionKind.List,
        ["page"] = SectionKind.Page,
        ["link"] = SectionKind.Link,
        ["interaction"] = SectionKind.Interaction,
    };

    private static readonly Dictionary<string, SectionUpdateClass> UpdateClasses = new(StringComparer.Ordinal)
    {
        ["news"] = SectionUpdateClass.News,
        ["notice"] = SectionUpdateClass.Notice,
        ["policy"] = SectionUpdateClass.Policy,
        ["other"] = SectionUpdateClass.Other,
    };

    /// <summary>
    /// A section's <c>type</c>, <c>updateClass</c>, <c>url</c> and <c>hideWhenEmpty</c>, by the
    /// section form's rules (<see cref="SectionKindRules"/>): a link needs an address the footer
    /// links could have, and a key that means nothing for the type is refused rather than dropped.
    /// </summary>
    private static void CheckKind(string name, SectionMapping section, string path)
    {
        var what = $"section \"{name}\"";
        if (section.Type is { } type)
        {
            if (!Kinds.TryGetValue(type, out var kind))
            {
                throw new ImportException(path, null, $"{what}: type \"{type}\" is not one of {string.Join(", ", Kinds.Keys)}");
            }

            section.Kind = kind;
        }

        if (section.UpdateClass is { } updateClass)
        {
            if (!UpdateClasses.TryGetValue(updateClass, out var value))
            {
                throw new ImportException(path, null, $"{what}: updateClass \"{updateClass}\" is not one of {string.Join(", ", UpdateClasses.Keys)}");
            }

            if (!SectionKindRules.IsList(section.Kind))
            {
                throw new ImportException(path, null, $"{what}: updateClass is only for sections of type list or interaction");
            }

            section.UpdateClassValue = value;
        }

        if (section.HideWhenEmpty && !SectionKindRules.IsList(section.Kind))
        {
            throw new ImportException(path, null, $"{what}: hideWhenEmpty is only for sections of type list or interaction");
        }

        if (section.Kind != SectionKind.Link)
        {
            if (section.Url is not null)
            {
                throw new ImportException(path, null, $"{what}: url is only for sections of type link");
            }

            return;
        }

        // The footer link form's rule (the section form uses it too), with # and javascript: refused.
        if (section.Url is null || !LinkUrl.TryNormalize(section.Url, out var url) || url is null)
        {
            throw new ImportException(path, null, string.IsNullOrWhiteSpace(section.Url)
                ? $"{what}: a section of type link needs a url (an http(s) address or a site path starting with one /)"
                : $"{what}: url \"{section.Url}\" is not an http(s) address or a site path starting with one / (no #, javascript:, spaces or backslashes, at most {FieldLengths.Url} characters)");
        }

        section.Url = url;
    }

    private static void CheckLength(string? value, int max, string what, string path)
    {
        if (value is not null && value.Length > max)
        {
            throw new ImportException(path, null, $"{what} is {value.Length} characters long; at most {max} are allowed");
        }
    }

}

/// <summary>Site-wide values for the importer.</summary>
public sealed class SiteMapping
{
    /// <summary>The site name; when missing, the copyright holder is used.</summary>
    public string? Name { get; set; }

    /// <summary>主办单位; when missing, the copyright holder is used.</summary>
    public string? Sponsor { get; set; }

    /// <summary>网站标识码, if known.</summary>
    public string? SiteCode { get; set; }
}

/// <summary>How a section named on a page is stored (when the import creates it).</summary>
public sealed class SectionMapping
{
    public string? Slug { get; set; }

    /// <summary>The full name, for a menu section whose page shows only its short label.</summary>
    public string? Name { get; set; }

    /// <summary>栏目类型: <c>list</c> (the default), <c>page</c>, <c>link</c> or <c>interaction</c>.</summary>
    public string? Type { get; set; }

    /// <summary>更新类别 of a list or interaction section: <c>news</c> (the default), <c>notice</c>, <c>policy</c> or <c>other</c>.</summary>
    public string? UpdateClass { get; set; }

    /// <summary>A link section's address: http(s) or a site path; required for <c>link</c>.</summary>
    public string? Url { get; set; }

    /// <summary>无内容时不显示, for a list or interaction section; default false.</summary>
    public bool HideWhenEmpty { get; set; }

    /// <summary><see cref="Type"/> as read by <see cref="ImportMapping.Load"/>.</summary>
    [JsonIgnore]
    public SectionKind Kind { get; internal set; } = SectionKind.List;

    /// <summary><see cref="UpdateClass"/> as read by <see cref="ImportMapping.Load"/>.</summary>
    [JsonIgnore]
    public SectionUpdateClass UpdateClassValue { get; internal set; } = SectionUpdateClass.News;
}

/// <summary>Where a footer link points, and which group it belongs to.</summary>
public sealed class LinkMapping
{
    public string? Url { get; set; }

    public string? Group { get; set; }
}
