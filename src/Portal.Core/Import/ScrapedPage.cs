namespace Portal.Core.Import;

/// <summary>
/// Everything a captured government page holds, as the parser read it: nothing is edited,
/// only recognised. Page furniture that means nothing in a store (the 字号 widget, browser
/// advice) is not part of it.
/// </summary>
public sealed class ScrapedPage
{
    /// <summary>The main menu's labels in order, without 首页 (which is the home page itself).</summary>
    public List<string> MenuLabels { get; } = [];

    /// <summary>The 当前位置 path below 首页, outermost first, e.g. 新闻中心, 地方动态.</summary>
    public List<string> SectionPath { get; } = [];

    public string Title { get; set; } = "";

    public DateOnly Date { get; set; }

    public string Source { get; set; } = "";

    /// <summary>The body paragraphs, word for word.</summary>
    public List<string> Paragraphs { get; } = [];

    /// <summary>The 1-based line of the file where each of <see cref="Paragraphs"/> starts.</summary>
    public List<int> ParagraphLines { get; } = [];

    /// <summary>The footer's links in order, by their text.</summary>
    public List<string> FooterLinks { get; } = [];

    public string? CopyrightHolder { get; set; }

    public string? IcpNumber { get; set; }

    public string? PublicSecurityNumber { get; set; }

    public string? Address { get; set; }

    public string? Postcode { get; set; }

    public string? Maintainer { get; set; }

    public string? ErrorReportLabel { get; set; }

    public string? WeChatLabel { get; set; }
}
