using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Core.Writing;

/// <summary>
/// A Word document's styles and numbering as the converter needs them: which paragraph style is a
/// heading (by its outline level or its name, English or localised such as 标题 1, following the
/// based-on chain), whether a character style is bold or italic, and whether a numbering level
/// is a bullet or a numbered list.
/// </summary>
internal sealed partial class WordStyles
{
    private const int MaxChain = 20;

    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _numToAbstract = [];
    private readonly Dictionary<int, AbstractNum> _abstracts = [];
    private readonly Dictionary<(int Num, int Level), int> _startOverrides = [];

    public WordStyles(MainDocumentPart main)
    {
        foreach (var style in main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                _styles.TryAdd(id, style);
            }
        }

        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is null)
        {
            return;
        }

        foreach (var a in numbering.Elements<AbstractNum>())
        {
            if (a.AbstractNumberId?.Value is { } id)
            {
                _abstracts.TryAdd(id, a);
            }
        }

        foreach (var n in numbering.Elements<NumberingInstance>())
        {
            if (n.NumberID?.Value is { } id && n.AbstractNumId?.Val?.Value is { } a)
            {
                _numToAbstract.TryAdd(id, a);
                foreach (var o in n.Elements<LevelOverride>())
                {
                    if (o.LevelIndex?.Value is { } level && o.StartOverrideNumberingValue?.Val?.Value is { } start)
                    {
                        _startOverrides[(id, level)] = start;
                    }
                }
            }
        }
    }

    /// <summary>The heading level (1–6) of a paragraph, from its own outline level or its style's chain.</summary>
    public int? HeadingLevel(ParagraphProperties? properties)
    {
        if (properties?.OutlineLevel?.Val?.Value is { } own)
        {
            return own is >= 0 and < 6 ? own + 1 : null;
        }

        foreach (var style in Chain(properties?.ParagraphStyleId?.Val?.Value))
        {
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } level)
            {
                return level is >= 0 and < 6 ? level + 1 : null;
            }

            var name = style.StyleName?.Val?.Value?.Trim() ?? "";
            if (name.Equals("Title", StringComparison.OrdinalIgnoreCase) || name == "标题")
            {
                return 1;
            }

            if (HeadingName().Match(name) is { Success: true } m)
            {
                return m.Groups[1].Value[0] - '0';
            }
        }

        return null;
    }

    /// <summary>The paragraph's list: numbering id and level, from its own properties or its style's chain; null when none.</summary>
    public (int NumId, int Level)? Numbering(ParagraphProperties? properties)
    {
        var own = properties?.NumberingProperties;
        int? numId = own?.NumberingId?.Val?.Value;
        int? level = own?.NumberingLevelReference?.Val?.Value;
        foreach (var style in Chain(properties?.ParagraphStyleId?.Val?.Value))
        {
            var numbering = style.StyleParagraphProperties?.NumberingProperties;
            numId ??= numbering?.NumberingId?.Val?.Value;
            level ??= numbering?.NumberingLevelReference?.Val?.Value;
        }

        return numId is { } id and > 0 && _numToAbstract.ContainsKey(id) ? (id, Math.Clamp(level ?? 0, 0, 8)) : null;
    }

    /// <summary>Whether a numbering level counts (decimal, letters, Chinese counting…) and where it starts; null for none.</summary>
    public (bool Ordered, int Start)? Format(int numId, int level)
    {
        if (!_numToAbstract.TryGetValue(numId, out var a) || !_abstracts.TryGetValue(a, out var abstractNum))
        {
            return null;
        }

        var lvl = abstractNum.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
        var format = lvl?.NumberingFormat?.Val?.Value;
        if (format == NumberFormatValues.None)
        {
            return null;
        }

        var start = _startOverrides.TryGetValue((numId, level), out var s) ? s : lvl?.StartNumberingValue?.Val?.Value ?? 1;
        return (format != NumberFormatValues.Bullet, start);
    }

    /// <summary>Bold and italic given by a character style (w:rStyle) and its chain.</summary>
    public (bool? Bold, bool? Italic) RunStyle(string? styleId)
    {
        bool? bold = null, italic = null;
        foreach (var style in Chain(styleId))
        {
            var props = style.StyleRunProperties;
            bold ??= props?.Bold is { } b ? b.Val?.Value ?? true : null;
            italic ??= props?.Italic is { } i ? i.Val?.Value ?? true : null;
        }

        return (bold, italic);
    }

    private IEnumerable<Style> Chain(string? styleId)
    {
        for (var i = 0; i < MaxChain && styleId is not null && _styles.TryGetValue(styleId, out var style); i++)
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }

    [GeneratedRegex(@"^(?:heading|标题)\s*([1-6])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingName();
}
