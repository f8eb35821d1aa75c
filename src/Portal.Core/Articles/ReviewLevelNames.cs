using System.Globalization;
using Portal.Core.Sections;

namespace Portal.Core.Articles;

/// <summary>
/// Where a change stands in its review (三审: 初审, 复审, 终审, named by
/// <see cref="SectionReviewLevels.LevelName"/>) and how long it has waited, for the 待审 list.
/// </summary>
public static class ReviewLevelNames
{
    /// <summary>
    /// Where a submitted change stands, from <see cref="Article.ReviewStage"/> (levels already
    /// approved) and <see cref="Sections.Section.ReviewLevels"/>: <c>初审（第 1 级 / 共 2 级）</c>;
    /// a section without review levels reads <c>审核（本栏目不需另行审核）</c>.
    /// </summary>
    public static string Describe(int reviewStage, int levels)
    {
        if (levels <= 0)
        {
            return "审核（本栏目不需另行审核）";
        }

        var level = Math.Clamp(reviewStage + 1, 1, levels);
        return string.Create(CultureInfo.InvariantCulture, $"{SectionReviewLevels.LevelName(level, levels)}（第 {level} 级 / 共 {levels} 级）");
    }

    /// <summary>How long a change has waited, in whole units: 刚刚提交, 已等待 5 分钟, 已等待 3 小时, 已等待 2 天.</summary>
    public static string Waiting(TimeSpan waited) => waited switch
    {
        { TotalMinutes: < 1 } => "刚刚提交",
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"已等待 {(int)waited.TotalMinutes} 分钟"),
        { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"已等待 {(int)waited.TotalHours} 小时"),
        _ => string.Create(CultureInfo.InvariantCulture, $"已等待 {(int)waited.TotalDays} 天"),
    };
}
