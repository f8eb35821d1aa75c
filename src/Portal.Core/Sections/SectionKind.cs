namespace Portal.Core.Sections;

/// <summary>栏目类型: what a section is to readers.</summary>
public enum SectionKind
{
    /// <summary>列表: a list of articles, newest first (the default).</summary>
    List = 0,

    /// <summary>单页: the section is one page, the body of its newest visible article (e.g. 机构职能).</summary>
    Page = 1,

    /// <summary>链接: a menu entry to another address (<see cref="Section.LinkUrl"/>).</summary>
    Link = 2,

    /// <summary>互动: the public message channel (留言); until that is built, it behaves as <see cref="List"/>.</summary>
    Interaction = 3,
}

/// <summary>
/// 更新类别 of a list section: the national inspection's staleness thresholds depend on it
/// (动态/要闻 two weeks, 通知公告 and 政策文件 six months; 其他 is not held to a rhythm).
/// </summary>
public enum SectionUpdateClass
{
    /// <summary>动态/要闻.</summary>
    News = 0,

    /// <summary>通知公告.</summary>
    Notice = 1,

    /// <summary>政策文件.</summary>
    Policy = 2,

    /// <summary>其他.</summary>
    Other = 3,
}
