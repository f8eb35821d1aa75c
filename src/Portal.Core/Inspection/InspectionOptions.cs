namespace Portal.Core.Inspection;

/// <summary>
/// The thresholds of the inspection rules (section <c>Inspection</c>), defaulting to the national
/// 《政府网站与政务新媒体检查指标》 (docs/inspection.md).
/// </summary>
public sealed class InspectionOptions
{
    public const string SectionName = "Inspection";

    /// <summary>The home page's newest item may be this many days old (首页栏目信息更新: two weeks).</summary>
    public int HomeStaleDays { get; set; } = 14;

    /// <summary>A 动态/要闻 section may go this many days without a new article (two weeks).</summary>
    public int NewsStaleDays { get; set; } = 14;

    /// <summary>A 通知公告 or 政策文件 section may go this many days without a new article (six months).</summary>
    public int NoticeStaleDays { get; set; } = 180;

    /// <summary>This many stale 动态/要闻 sections are a veto.</summary>
    public int StaleNewsSectionsVeto { get; set; } = 5;

    /// <summary>This many stale sections in all are a veto.</summary>
    public int StaleSectionsVeto { get; set; } = 10;

    /// <summary>This many empty sections shown to readers are a veto (空白栏目).</summary>
    public int EmptySectionsVeto { get; set; } = 5;
}
