namespace Portal.Core.Sections;

/// <summary>
/// The review levels a section may ask for (<see cref="Section.ReviewLevels"/>): how many
/// approvals an article of the section needs before it is published, and their names on the
/// section form, in its list and in the audit log.
/// </summary>
public static class SectionReviewLevels
{
    public const int Min = 0;

    public const int Max = 3;

    /// <summary>What a new section asks for: one review (the rule before levels existed).</summary>
    public const int Default = 1;

    /// <summary>The form's choices, each level with its explanation.</summary>
    public static IReadOnlyList<(int Levels, string Label)> Choices { get; } =
    [
        (0, "不审核（审核人员可直接发布本人修改，适用于小型单位）"),
        (1, "一级审核（默认）"),
        (2, "二级审核：初审 → 终审"),
        (3, "三级审核：初审 → 复审 → 终审"),
    ];

    public static bool IsValid(int levels) => levels is >= Min and <= Max;

    /// <summary>The long name (the edit page, refusals): the form's label of <paramref name="levels"/>.</summary>
    public static string Label(int levels) => Choices.FirstOrDefault(c => c.Levels == levels).Label ?? ShortName(levels);

    /// <summary>
    /// The name of review level <paramref name="level"/> (1-based) of a section with
    /// <paramref name="levels"/> levels: 审核 for one level (or none), 初审 and 终审 for two, 初审,
    /// 复审 and 终审 for three.
    /// </summary>
    public static string LevelName(int level, int levels) => (Math.Max(levels, 1), level) switch
    {
        (1, _) => "审核",
        (_, <= 1) => "初审",
        (3, 2) => "复审",
        _ => "终审",
    };

    /// <summary>The short name (list column, audit entries): 不审核, 一级审核…</summary>
    public static string ShortName(int levels) => levels switch
    {
        0 => "不审核",
        1 => "一级审核",
        2 => "二级审核",
        3 => "三级审核",
        _ => levels.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public const string InvalidMessage = "请选择审核级数：不审核、一级、二级或三级审核。";
}
