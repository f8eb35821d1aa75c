using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Data;
using Portal.Core.Site;

namespace Portal.Core.Import;

/// <summary>
/// Reads the "scraped page" format: a government article page captured as Markdown-like text
/// (see <c>seeds/</c>). The layout it expects, top to bottom:
/// <list type="number">
/// <item>the menu links, then <c>当前位置：</c> and the breadcrumb links separated by <c>&gt;</c>;</item>
/// <item>the title;</item>
/// <item><c>日期：YYYY-MM-DD 来源：… 字号：[大 中 小]</c>;</item>
/// <item>the body paragraphs;</item>
/// <item>optionally the footer: link line with <c>版权所有：…</c>, ICP and 公安备案 numbers, then
/// lines of 地址 / 邮政编码 / 网站维护, the 找错 link and 官方微信.</item>
/// </list>
/// Anything it does not recognise is an error that names the line: an importer that guessed
/// would put page furniture into articles or lose text silently.
/// </summary>
public static partial class ScrapedPageParser
{
    private const string HomeLabel = "首页";

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names it in error messages.</summary>
    /// <exception cref="ImportException">The text is not a page of this format.</exception>
    public static ScrapedPage Parse(string text, string file)
    {
        var lines = ReadLogicalLines(text, file);
        if (lines.Count == 0)
        {
            throw new ImportException(file, null, "the file is empty");
        }

        var page = new ScrapedPage();
        var cursor = 0;

        ParseNavigation(lines[cursor++], page, file);

        if (cursor >= lines.Count || IsDateLine(lines[cursor].Text))
        {
            throw new ImportException(file, LineAt(lines, cursor), "the title is missing: expected the title on the line after the breadcrumb");
        }

        ParseTitle(lines[cursor++], page, file);

        if (cursor >= lines.Count || !IsDateLine(lines[cursor].Text))
        {
            throw new ImportException(file, LineAt(lines, cursor), "expected the line \"日期：YYYY-MM-DD 来源：…\" after the title");
        }

        ParseDateLine(lines[cursor++], page, file);

        while (cursor < lines.Count && !IsFooterStart(lines[cursor].Text))
        {
            var line = lines[cursor++];
            if (!IsFurniture(line.Text))
            {
                page.Paragraphs.Add(line.Text);
                page.ParagraphLines.Add(line.Number);
            }
        }

        if (page.Paragraphs.Count == 0)
        {
            throw new ImportException(file, LineAt(lines, cursor), "the article has no body text after the date line");
        }

        if (cursor < lines.Count)
        {
            ParseFooter(lines, cursor, page, file);
        }

        return page;
    }

    private static int? LineAt(List<LogicalLine> lines, int index) =>
        index < lines.Count ? lines[index].Number : lines[^1].Number;

    private static void ParseNavigation(LogicalLine line, ScrapedPage page, string file)
    {
        var marker = BreadcrumbMarker().Match(line.Text);
        if (!marker.Success)
        {
            throw new ImportException(file, line.Number, "expected the menu and the breadcrumb (当前位置：首页 > …) as the first line");
        }

        var menuPart = line.Text[..marker.Index];
        var crumbPart = line.Text[(marker.Index + marker.Length)..];

        var menu = ReadLinks(menuPart, separators: "", file, line.Number, "the menu");
        foreach (var label in menu)
        {
            if (label == HomeLabel)
            {
                continue;
            }

            if (page.MenuLabels.Contains(label))
            {
                throw new ImportException(file, line.Number, $"the menu lists \"{label}\" twice");
            }

            page.MenuLabels.Add(Checked(label, FieldLengths.MenuLabel, "a menu label", file, line.Number));
        }

        var crumbs = ReadLinks(crumbPart, separators: ">", file, line.Number, "the breadcrumb");
        if (crumbs.Count < 2 || crumbs[0] != HomeLabel)
        {
            throw new ImportException(file, line.Number, "the breadcrumb must start with 首页 and name at least one section");
        }

        // A breadcrumb section that is not in the menu is created with its name as its label too.
        page.SectionPath.AddRange(crumbs.Skip(1).Select(c => Checked(c, FieldLengths.MenuLabel, "a breadcrumb section name", file, line.Number)));
    }

    private static void ParseTitle(LogicalLine line, ScrapedPage page, string file)
    {
        if (LinkPattern().IsMatch(line.Text))
        {
            throw new ImportException(file, line.Number, "expected the title after the breadcrumb, found a line of links");
        }

        page.Title = Checked(line.Text.Trim(), FieldLengths.Title, "the title", file, line.Number);
    }

    private static void ParseDateLine(LogicalLine line, ScrapedPage page, string file)
    {
        var match = DateLine().Match(line.Text);
        if (!match.Success)
        {
            throw new ImportException(file, line.Number, "expected \"日期：YYYY-MM-DD 来源：…\"");
        }

        var dateText = match.Groups["date"].Value;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ImportException(file, line.Number, $"\"{dateText}\" is not a valid date: expected a real date as YYYY-MM-DD");
        }

        var source = match.Groups["source"].Value.Trim();
        if (source.Length == 0)
        {
            throw new ImportException(file, line.Number, "the source (来源：…) is missing from the date line");
        }

        page.Date = date;
        page.Source = Checked(source, FieldLengths.Source, "the source", file, line.Number);
    }

    private static void ParseFooter(List<LogicalLine> lines, int cursor, ScrapedPage page, string file)
    {
        var first = lines[cursor++];
        var copyright = first.Text.IndexOf("版权所有", StringComparison.Ordinal);
        page.FooterLinks.AddRange(ReadLinks(first.Text[..copyright], separators: "|", file, first.Number, "the footer links")
            .Select(text => Checked(text, FieldLengths.LinkText, "a footer link", file, first.Number)));
        ParseCopyright(first.Text[copyright..], first.Number, page, file);

        for (; cursor < lines.Count; cursor++)
        {
            var line = lines[cursor];
            if (IsFurniture(line.Text))
            {
                continue;
            }

            if (LabelledField().IsMatch(line.Text))
            {
                ParseLabelledFields(line, page, file);
                continue;
            }

            var link = LinkPattern().Match(line.Text);
            if (link.Success && link.Value.Length == line.Text.Length && link.Groups["text"].Value.Contains("找错", StringComparison.Ordinal))
            {
                page.ErrorReportLabel = Checked(link.Groups["text"].Value, FieldLengths.Label, "the 找错 label", file, line.Number);
                continue;
            }

            if (line.Text.Trim() == "官方微信")
            {
                page.WeChatLabel = "官方微信";
                continue;
            }

            throw new ImportException(file, line.Number, $"unrecognised text in the footer: \"{Shorten(line.Text)}\"");
        }
    }

    private static void ParseCopyright(string text, int lineNumber, ScrapedPage page, string file)
    {
        // 版权所有：<holder> <ICP number> [<公安备案 number>](#), in any order after the holder.
        var rest = text["版权所有".Length..].TrimStart('：', ':', ' ');
        foreach (Match link in LinkPattern().Matches(rest))
        {
            var linkText = link.Groups["text"].Value.Trim();
            if (!linkText.Contains("公网安备", StringComparison.Ordinal))
            {
                throw new ImportException(file, lineNumber, $"unexpected link \"{linkText}\" in the copyright line");
            }

            page.PublicSecurityNumber = Checked(linkText, FieldLengths.RecordNumber, "the 公安备案 number", file, lineNumber);
        }

        rest = LinkPattern().Replace(rest, " ");
        var publicSecurity = PublicSecurityPattern().Match(rest);
        if (publicSecurity.Success)
        {
            page.PublicSecurityNumber = Checked(publicSecurity.Value.Trim(), FieldLengths.RecordNumber, "the 公安备案 number", file, lineNumber);
            rest = rest.Remove(publicSecurity.Index, publicSecurity.Length);
        }

        var icp = IcpPattern().Match(rest);
        if (icp.Success)
        {
            page.IcpNumber = Checked(icp.Value, FieldLengths.RecordNumber, "the ICP number", file, lineNumber);
            rest = rest.Remove(icp.Index, icp.Length);
        }

        var holder = rest.Trim();
        if (holder.Length == 0)
        {
            throw new ImportException(file, lineNumber, "the copyright holder (版权所有：…) is missing");
        }

        page.CopyrightHolder = Checked(holder, FieldLengths.Organisation, "the copyright holder", file, lineNumber);
    }

    private static void ParseLabelledFields(LogicalLine line, ScrapedPage page, string file)
    {
        var matches = LabelledField().Matches(line.Text);
        if (matches[0].Index > 0 && line.Text[..matches[0].Index].Trim().Length > 0)
        {
            throw new ImportException(file, line.Number, $"unrecognised text in the footer: \"{Shorten(line.Text[..matches[0].Index])}\"");
        }

        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : line.Text.Length;
            var value = line.Text[start..end].Trim();
            var label = matches[i].Groups["label"].Value;
            if (value.Length == 0)
            {
                throw new ImportException(file, line.Number, $"{label} has no value");
            }

            switch (label)
            {
                case "地址":
                    page.Address = Checked(value, FieldLengths.Address, "the address", file, line.Number);
                    break;
                case "邮政编码":
                    if (!PostcodePattern().IsMatch(value))
                    {
                        throw new ImportException(file, line.Number, $"\"{value}\" is not a postcode: expected six digits");
                    }

                    page.Postcode = value;
                    break;
                default:
                    page.Maintainer = Checked(value, FieldLengths.Organisation, "the maintainer", file, line.Number);
                    break;
            }
        }
    }

    /// <summary>
    /// Reads a run of Markdown links and returns their texts. Between links only white space and
    /// the given separator characters may stand; anything else is text the importer would lose.
    /// </summary>
    private static List<string> ReadLinks(string text, string separators, string file, int lineNumber, string what)
    {
        var texts = new List<string>();
        var position = 0;
        foreach (Match link in LinkPattern().Matches(text))
        {
            CheckGap(text[position..link.Index]);
            var linkText = link.Groups["text"].Value.Trim();
            if (linkText.Length == 0)
            {
                throw new ImportException(file, lineNumber, $"{what} has a link without text");
            }

            texts.Add(linkText);
            position = link.Index + link.Length;
        }

        CheckGap(text[position..]);
        if (texts.Count == 0)
        {
            throw new ImportException(file, lineNumber, $"{what} has no links");
        }

        return texts;

        void CheckGap(string gap)
        {
            if (gap.Any(c => !char.IsWhiteSpace(c) && !separators.Contains(c, StringComparison.Ordinal)))
            {
                throw new ImportException(file, lineNumber, $"unexpected text \"{Shorten(gap.Trim())}\" in {what}");
            }
        }
    }

    /// <summary>Refuses a value longer than its column, so every provider stores what SQLite would.</summary>
    private static string Checked(string value, int max, string what, string file, int line) =>
        value.Length <= max ? value : throw new ImportException(file, line, $"{what} is {value.Length} characters long; at most {max} are allowed");

    private static bool IsDateLine(string text) => text.StartsWith("日期", StringComparison.Ordinal);

    /// <summary>The footer starts at 版权所有 with nothing but links before it: a paragraph that merely mentions 版权所有 is body text.</summary>
    private static bool IsFooterStart(string text) => FooterStart().IsMatch(text);

    /// <summary>Page furniture that means nothing in a store: browser advice and a stray 字号 widget.</summary>
    private static bool IsFurniture(string text) => BrowserAdvice().IsMatch(text) || FontSizeWidget().IsMatch(text);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>
    /// Splits the text into non-blank lines with their 1-based numbers, joining a line whose link
    /// text runs on to the next line's <c>](…)</c> (the captured 找错 badge is "[政府网站\n找错](#)");
    /// a stray <c>[</c> in a paragraph joins nothing. Rejects binary
    /// content, which would otherwise be imported as unreadable text.
    /// </summary>
    private static List<LogicalLine> ReadLogicalLines(string text, string file)
    {
        var result = new List<LogicalLine>();
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var pending = new StringBuilder();
        var pendingStart = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i];
            if (line.Any(c => char.IsControl(c) && c != '\t') || line.Contains('\uFFFD', StringComparison.Ordinal))
            {
                throw new ImportException(file, i + 1, "the file contains binary data or control characters; expected UTF-8 text");
            }

            if (pending.Length > 0)
            {
                pending.Append(line.Trim());
            }
            else if (line.Trim().Length > 0)
            {
                pending.Append(line.TrimEnd());
                pendingStart = i + 1;
            }
            else
            {
                continue;
            }

            var current = pending.ToString();
            if (current.LastIndexOf('[') > current.LastIndexOf(']') && i + 1 < raw.Length && LinkContinuation().IsMatch(raw[i + 1].Trim()))
            {
                continue;
            }

            result.Add(new LogicalLine(pendingStart, current));
            pending.Clear();
        }

        return result;
    }

    private readonly record struct LogicalLine(int Number, string Text);

    [GeneratedRegex(@"\[(?<text>[^\[\]]*)\]\((?<url>[^()\s]*)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^(?:\s*\[[^\[\]]*\]\([^()\s]*\)\s*\|?)*\s*版权所有")]
    private static partial Regex FooterStart();

    [GeneratedRegex(@"^[^\[\]]*\]\([^()\s]*\)")]
    private static partial Regex LinkContinuation();

    [GeneratedRegex("当前位置[：:]")]
    private static partial Regex BreadcrumbMarker();

    [GeneratedRegex(@"^日期[：:]\s*(?<date>\S*)\s*(?:来源[：:](?<source>.*?))?\s*(?:字号[：:].*)?$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"(?<label>地址|邮政编码|网站维护)[：:]?\s*")]
    private static partial Regex LabelledField();

    [GeneratedRegex(@"\S*ICP备\S+")]
    private static partial Regex IcpPattern();

    [GeneratedRegex(@"\S*公网安备\s*\d+号")]
    private static partial Regex PublicSecurityPattern();

    /// <summary>The settings form's rule (ASCII digits only: \d would also take full-width ones).</summary>
    [GeneratedRegex(SiteSettingsRules.PostcodePattern, RegexOptions.CultureInvariant)]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^建议使用.*浏览器")]
    private static partial Regex BrowserAdvice();

    [GeneratedRegex(@"^字号[：:]")]
    private static partial Regex FontSizeWidget();
}
