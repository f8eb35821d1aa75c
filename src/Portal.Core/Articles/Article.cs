using Portal.Core.Sections;

namespace Portal.Core.Articles;

/// <summary>A news article or notice, published in one section.</summary>
public class Article
{
    public int Id { get; set; }

    /// <summary>
    /// The stable, URL-safe key of the article's public address (<c>/articles/{UrlKey}</c>).
    /// Written once when the article is created and never derived from the title again, so editing
    /// the title keeps every link that readers, search engines and inspectors already hold.
    /// </summary>
    public string UrlKey { get; set; } = "";

    /// <summary>
    /// The key an importer matches on (source + date + title of the imported page); null for
    /// articles written in the admin area. Re-importing a page updates the article in place.
    /// </summary>
    public string? ImportKey { get; set; }

    public string Title { get; set; } = "";

    public int SectionId { get; set; }

    public Section? Section { get; set; }

    /// <summary>
    /// The date readers see (发布日期), in UTC: the one the editor chose when
    /// <see cref="PublishedAtChosen"/>, otherwise the moment the article was published (until then,
    /// when it was created, for sorting lists).
    /// </summary>
    public DateTime PublishedAt { get; set; }

    /// <summary>Whether an editor set <see cref="PublishedAt"/> (readers see that date); false: publishing dates it.</summary>
    public bool PublishedAtChosen { get; set; }

    /// <summary>When the scheduler publishes a 定时发布 article, in UTC; null for any other status.</summary>
    public DateTime? ScheduledAt { get; set; }

    /// <summary>When a correction (待审修改) last replaced the live version, in UTC: the page shows it as 更新时间.</summary>
    public DateTime? RevisedAt { get; set; }

    /// <summary>
    /// Whether <see cref="PublishedAt"/> carries a time of day. An imported page gives only its
    /// date (stored as the start of that day in the site's zone): pages and the PubDate tag then
    /// show the date alone rather than a midnight nobody published at.
    /// </summary>
    public bool HasPublishTime { get; set; } = true;

    /// <summary>来源: the organisation the text comes from.</summary>
    public string Source { get; set; } = "";

    /// <summary>The body as the editor wrote it (Markdown, raw HTML disabled).</summary>
    public string BodyMarkdown { get; set; } = "";

    /// <summary>The body rendered by <see cref="MarkdownRenderer"/> and sanitised; what readers see.</summary>
    public string BodyHtml { get; set; } = "";

    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;

    /// <summary>摘要: a short summary for lists and search results.</summary>
    public string? Summary { get; set; }

    /// <summary>关键词: comma-separated keywords, also written to the Keywords meta tag.</summary>
    public string? Keywords { get; set; }

    /// <summary>The cover image, if any.</summary>
    public int? CoverImageId { get; set; }

    /// <summary>置顶: the article heads its section's lists until this moment (UTC); null when not pinned.</summary>
    public DateTime? PinnedUntil { get; set; }

    /// <summary>头条: chosen for the home page's headline block (the newest chosen one is shown).</summary>
    public bool IsHeadline { get; set; }

    /// <summary>图片新闻: shown in the home page's picture-news block; needs a cover image with alt text.</summary>
    public bool IsPictureNews { get; set; }

    /// <summary>Who created the article; null for imported ones.</summary>
    public string? AuthorId { get; set; }

    /// <summary>
    /// Who wrote the change under review (the working copy, or the pending correction of a live
    /// article): that person may not approve it (separation of duties).
    /// </summary>
    public string? LastEditorId { get; set; }

    /// <summary>The reviewer's comment when the change was returned.</summary>
    public string? ReviewComment { get; set; }

    /// <summary>
    /// Counts the submissions: each one opens a review round, whose approvals
    /// (<see cref="ArticleApproval.Round"/>) are the ones that count for it.
    /// </summary>
    public int ReviewRound { get; set; }

    /// <summary>How many review levels of the current round have approved the change (0 until 初审 approves).</summary>
    public int ReviewStage { get; set; }

    /// <summary>When the change under review was submitted, in UTC (the 待审 list's waiting time); null when none is.</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>The revision whose content readers see; null until the article is first published.</summary>
    public int? LiveRevision { get; set; }

    /// <summary>
    /// The revision holding the 待审修改 of a live article: a saved change that stays out of
    /// public view until approved; null when there is none. The article's own fields stay the
    /// live version meanwhile.
    /// </summary>
    public int? PendingRevision { get; set; }

    /// <summary>Where the pending correction stands: 草稿, 待审 or 已退回; null without one.</summary>
    public ArticleStatus? PendingStatus { get; set; }

    /// <summary>When the article was moved to the recycle bin (回收站); null when it is not there.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>Who moved the article to the recycle bin; null when it is not there.</summary>
    public string? DeletedById { get; set; }

    /// <summary>
    /// Incremented by every save and checked by the next one (an optimistic concurrency token
    /// that works the same on SQLite, SQL Server and PostgreSQL), so that of two people editing
    /// the same article, the second gets a conflict instead of silently overwriting the first.
    /// </summary>
    public int Version { get; set; }

    public List<ArticleRevision> Revisions { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
