namespace Portal.Core.Articles;

/// <summary>
/// A change waiting for review on the dashboard: a submitted article, or (<c>IsCorrection</c>) the
/// submitted 待审修改 of a live one. <c>ReviewStage</c> counts the levels of the current round
/// already approved (<see cref="Article.ReviewStage"/>), <c>ReviewLevels</c> is the section's
/// (<see cref="Sections.Section.ReviewLevels"/>), <c>WaitingSince</c> when it was submitted (UTC;
/// its last change when that is not known), <c>AuthorName</c> the writer of the change.
/// </summary>
public sealed record ReviewQueueItem(
    int Id,
    string Title,
    string SectionName,
    string? AuthorName,
    bool IsCorrection,
    int ReviewStage,
    int ReviewLevels,
    DateTime WaitingSince)
{
    /// <summary>初审（第 1 级 / 共 2 级） and the like (<see cref="ReviewLevelNames.Describe"/>).</summary>
    public string Level => ReviewLevelNames.Describe(ReviewStage, ReviewLevels);
}
