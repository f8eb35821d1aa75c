namespace Portal.Core.Articles;

/// <summary>What the 推荐与置顶 form sets (<see cref="ArticleFeatures"/>).</summary>
/// <param name="PinnedThrough">置顶: the last day (in the site's zone) the article heads its section's lists; null: not pinned.</param>
/// <param name="IsHeadline">头条.</param>
/// <param name="IsPictureNews">图片新闻 (needs a cover image with alt text).</param>
public sealed record ArticleFeatureInput(DateOnly? PinnedThrough, bool IsHeadline, bool IsPictureNews);
