namespace Portal.Core.Home;

/// <summary>The kinds of block the home page is arranged from.</summary>
public enum HomeBlockKind
{
    /// <summary>头条: one featured article (the newest marked 头条, else the newest article): title, date, summary, cover.</summary>
    Headline = 0,

    /// <summary>图片新闻: 3–5 articles marked 图片新闻 with cover images and alt text, as a grid.</summary>
    PictureNews = 1,

    /// <summary>栏目: a chosen section's newest <see cref="HomeBlock.Count"/> articles with dates, and 更多.</summary>
    Section = 2,

    /// <summary>专题: image links to 专题 sections or addresses (<see cref="HomeBlock.Links"/>, each with an image and alt text).</summary>
    Topics = 3,

    /// <summary>快捷链接: a row of labelled links (<see cref="HomeBlock.Links"/>).</summary>
    QuickLinks = 4,
}

/// <summary>
/// One block of the home page, in <see cref="SortOrder"/>. While the store holds no block at
/// all, the home page is the default arrangement: 头条, then one 栏目 block per menu section.
/// </summary>
public class HomeBlock
{
    public int Id { get; set; }

    public HomeBlockKind Kind { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The heading; null: the kind's own (头条, 图片新闻, 专题专栏, 快捷链接) or the section's name.</summary>
    public string? Title { get; set; }

    /// <summary>The section of a 栏目 block; null for other kinds.</summary>
    public int? SectionId { get; set; }

    /// <summary>How many items the block shows (栏目: 1–20, 图片新闻: 3–5); ignored by the other kinds.</summary>
    public int Count { get; set; }

    public List<HomeBlockLink> Links { get; set; } = [];

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A link of a 专题 or 快捷链接 block.</summary>
public class HomeBlockLink
{
    public int Id { get; set; }

    public int HomeBlockId { get; set; }

    public string Label { get; set; } = "";

    /// <summary>Absolute http(s) address or a site path (<c>/zhuanti/…</c>).</summary>
    public string Url { get; set; } = "";

    /// <summary>The image of a 专题 link (from the media library); null for 快捷链接.</summary>
    public int? ImageId { get; set; }

    /// <summary>The image's text alternative; required with an image.</summary>
    public string? AltText { get; set; }

    public int SortOrder { get; set; }
}
