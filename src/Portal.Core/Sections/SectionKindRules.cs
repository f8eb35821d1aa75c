using Portal.Core.Site;

namespace Portal.Core.Sections;

/// <summary>
/// 栏目类型 and 更新类别: their names, and what a section of each type must and may carry. The
/// section form renders its choices from here and <see cref="SectionAdminService"/> enforces it,
/// so the form and the service cannot disagree.
/// </summary>
public static class SectionKindRules
{
    /// <summary>The types in the order the form offers them.</summary>
    public static IReadOnlyList<(SectionKind Kind, string Label)> KindChoices { get; } =
    [
        (SectionKind.List, "列表"),
        (SectionKind.Page, "单页"),
        (SectionKind.Link, "链接"),
        (SectionKind.Interaction, "互动"),
    ];

    /// <summary>The update classes in the order the form offers them.</summary>
    public static IReadOnlyList<(SectionUpdateClass UpdateClass, string Label)> UpdateClassChoices { get; } =
    [
        (SectionUpdateClass.News, "动态/要闻"),
        (SectionUpdateClass.Notice, "通知公告"),
        (SectionUpdateClass.Policy, "政策文件"),
        (SectionUpdateClass.Other, "其他"),
    ];

    public const string InvalidKindMessage = "请选择栏目类型：列表、单页、链接或互动。";

    public const string InvalidUpdateClassMessage = "请选择更新类别：动态/要闻、通知公告、政策文件或其他。";

    public const string LinkRequiredMessage = "链接类型的栏目必须填写链接地址。";

    /// <summary>列表, 单页, 链接 or 互动.</summary>
    public static string Name(SectionKind kind) =>
        KindChoices.FirstOrDefault(c => c.Kind == kind).Label ?? kind.ToString();

    /// <summary>动态/要闻, 通知公告, 政策文件 or 其他.</summary>
    public static string Name(SectionUpdateClass updateClass) =>
        UpdateClassChoices.FirstOrDefault(c => c.UpdateClass == updateClass).Label ?? updateClass.ToString();

    /// <summary>Whether readers see the section as a list of articles (列表, and 互动 until the message board exists).</summary>
    public static bool IsList(SectionKind kind) => kind is SectionKind.List or SectionKind.Interaction;

    /// <summary>
    /// Checks the type fields of a change and brings it to its stored form: a 链接 section's
    /// address is required and follows the footer links' rule (<see cref="LinkUrl"/>); other
    /// types keep no address, and only list types keep 无内容时不显示.
    /// </summary>
    public static SectionChange Normalize(SectionChange change, List<FieldError> errors)
    {
        if (!Enum.IsDefined(change.Kind))
        {
            errors.Add(new(nameof(SectionChange.Kind), InvalidKindMessage));
            return change;
        }

        if (!Enum.IsDefined(change.UpdateClass))
        {
            errors.Add(new(nameof(SectionChange.UpdateClass), InvalidUpdateClassMessage));
        }

        string? url = null;
        if (change.Kind == SectionKind.Link)
        {
            if (!LinkUrl.TryNormalize(change.LinkUrl, out url))
            {
                errors.Add(new(nameof(SectionChange.LinkUrl), LinkUrl.Rule));
            }
            else if (url is null)
            {
                errors.Add(new(nameof(SectionChange.LinkUrl), LinkRequiredMessage));
            }
        }

        return change with
        {
            LinkUrl = url,
            HideWhenEmpty = IsList(change.Kind) && change.HideWhenEmpty,
        };
    }

    /// <summary>The audit text of a type change: <c>栏目“机构设置”：栏目类型：列表 → 单页</c>.</summary>
    public static string KindChangeDetails(string sectionName, SectionKind before, SectionKind after) =>
        $"栏目“{sectionName}”：栏目类型：{Name(before)} → {Name(after)}";
}
