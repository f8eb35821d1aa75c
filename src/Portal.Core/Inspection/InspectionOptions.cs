namespace Portal.Core.Inspection;

/// <summary>
/// The thresholds of the inspection rules (section <c>Inspection</c>), defaulting to the national
/// 《政府网站与政务新媒体检查指标》 (docs/inspection.md), and when the background runs happen.
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

    /// <summary>Whether this server runs the inspection in the background (at start-up, daily, after content changes). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hours between two background runs when nothing changes (default 24: daily).</summary>
    public int IntervalHours { get; set; } = 24;

    /// <summary>
    /// Seconds the background run waits after the newest content change before it inspects
    /// (default 120): a burst of edits is inspected once, after the last of them.
    /// </summary>
    public int ChangeDelaySeconds { get; set; } = 120;

    /// <summary>Milliseconds between two looks of the background service at the change log (default 5000).</summary>
    public int PollMilliseconds { get; set; } = 5000;

    /// <summary>How many runs are kept (default 10); older ones are deleted with their findings.</summary>
    public int KeepRuns { get; set; } = 10;

    /// <summary>
    /// Whether the background run checks external http(s) links over the network. Unset: on in
    /// the Production environment, off otherwise (development machines and CI stay offline).
    /// </summary>
    public bool? CheckExternalLinks { get; set; }

    /// <summary>
    /// Whether the link checker may connect to addresses of the server's own network (loopback,
    /// private, link-local). Default false: an address an editor wrote must not make the server ask
    /// hosts readers cannot reach; such links are reported as not checked.
    /// </summary>
    public bool CheckInternalAddresses { get; set; }

    /// <summary>Seconds one external request may take before the link counts as broken (default 10).</summary>
    public int LinkTimeoutSeconds { get; set; } = 10;

    /// <summary>Hours a link check's result is reused before the address is asked again (default 24).</summary>
    public int LinkCacheHours { get; set; } = 24;
}
