namespace Portal.Web.Areas.Admin.Models;

/// <summary>The 推荐与置顶 form as posted: 置顶至 as the date field sends it (yyyy-MM-dd, site-local; empty: not pinned), and the two boxes.</summary>
public sealed class ArticleFeatureInputModel
{
    public string? PinnedThrough { get; set; }

    public bool IsHeadline { get; set; }

    public bool IsPictureNews { get; set; }
}

/// <summary>The 推荐与置顶 form on the edit page, shown when the workflow allows <see cref="Portal.Core.Articles.ArticleCommand.Feature"/>.</summary>
public sealed class ArticleFeatureViewModel
{
    /// <summary>The last site-local day of a pin still in force; null when not pinned.</summary>
    public DateOnly? PinnedThrough { get; init; }

    /// <summary>The last day of a pin that has run out (the form says so and offers an empty field).</summary>
    public DateOnly? PinExpiredOn { get; init; }

    public bool IsHeadline { get; init; }

    public bool IsPictureNews { get; init; }

    /// <summary>Why 图片新闻 cannot be chosen now (no cover, or a cover without alt text), for the hint; null when it can.</summary>
    public string? PictureNewsHint { get; init; }

    /// <summary>Today in the site's zone: the earliest day the date field offers.</summary>
    public DateOnly Today { get; init; }
}
