using System.Text.Json;
using Portal.Core.Articles;
using Portal.Core.Media;
using Portal.Core.Paging;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>The edit page (also for a new article, a preview, a validation error and a conflict).</summary>
public sealed class ArticleEditViewModel
{
    /// <summary>Null for a new article.</summary>
    public int? Id { get; init; }

    public string? UrlKey { get; init; }

    public ArticleStatus? Status { get; init; }

    public required ArticleInputModel Input { get; init; }

    public required IReadOnlyList<Choice> Sections { get; init; }

    public required IReadOnlyList<Choice> Images { get; init; }

    /// <summary>The stored article (null for a new one).</summary>
    public ArticleEditData? Article { get; init; }

    /// <summary>What the workflow says of this article and the signed-in user (null for a new article): the buttons come from it.</summary>
    public EditorialState? Workflow { get; init; }

    /// <summary>The approvals of the current review round, lowest level first.</summary>
    public IReadOnlyList<ArticleApproval> Approvals { get; init; } = [];

    /// <summary>The sections the signed-in user is limited to, named (empty: all).</summary>
    public string SectionLimitNames { get; init; } = "";

    public string? ReviewComment { get; init; }

    /// <summary>Whether the workflow lets the signed-in user do <paramref name="command"/> now.</summary>
    public bool Allows(ArticleCommand command) => Workflow?.Allows(command) ?? false;

    /// <summary>Why the workflow refuses <paramref name="command"/> (for the hint beside a missing button), or null.</summary>
    public string? WhyNot(ArticleCommand command) => Workflow?.Check(command) is { Allowed: false } d ? d.Reason : null;

    /// <summary>The article is live and its form edits a 待审修改.</summary>
    public bool IsCorrection => Status == ArticleStatus.Published;

    /// <summary>Set when the save met someone else's newer save.</summary>
    public ArticleConflictViewModel? Conflict { get; init; }

    /// <summary>Whether the signed-in user may create and revoke 预览链接 for this article (<see cref="ArticleCommand.ManagePreviewLinks"/>).</summary>
    public bool MayCreatePreviewLink => Allows(ArticleCommand.ManagePreviewLinks);

    /// <summary>The article's 预览链接, newest first (shown to those who may manage them).</summary>
    public IReadOnlyList<Portal.Core.Preview.PreviewLinkItem> PreviewLinks { get; init; } = [];

    /// <summary>The lifetime a new link is offered with, and the longest allowed, in hours.</summary>
    public int PreviewLinkDefaultHours { get; init; }

    public int PreviewLinkMaxHours { get; init; }

    /// <summary>The address of the link just created, shown once (it is stored only as a hash).</summary>
    public string? CreatedPreviewLinkUrl { get; init; }

    /// <summary>Now, for telling active links from expired ones.</summary>
    public DateTime Now { get; init; }

    /// <summary>Now in the site's zone (the earliest time the schedule field offers).</summary>
    public DateTime LocalNow { get; init; }

    /// <summary>The 推荐与置顶 form; null when the workflow does not let the signed-in user set it (<see cref="ArticleCommand.Feature"/>).</summary>
    public ArticleFeatureViewModel? Feature { get; init; }

    public string? Error { get; init; }

    /// <summary>
    /// The alternative texts the server refuses as placeholders (说明文字, 图片, …), as a JSON
    /// array for the editor's image dialog, which refuses them before inserting an image.
    /// </summary>
    public string PlaceholderAltsJson { get; } = JsonSerializer.Serialize(AltTextRules.Placeholders);
}

/// <summary>What the other person changed between the version the editor loaded and the current one.</summary>
public sealed class ArticleConflictViewModel
{
    public required int StartedFrom { get; init; }

    public required int Current { get; init; }

    public required IReadOnlyList<RevisionListItem> OtherSaves { get; init; }

    public required IReadOnlyList<FieldChange> FieldChanges { get; init; }

    public required IReadOnlyList<DiffSegment> BodyDiff { get; init; }
}

/// <summary>回收站.</summary>
public sealed class ArticleBinViewModel
{
    public required PagedList<ArticleBinItem> Page { get; init; }

    /// <summary>Whether the 永久删除 button is offered (<see cref="ArticleBin.MayPurge"/>).</summary>
    public required bool MayPurge { get; init; }

    /// <summary>The title filter, if any.</summary>
    public string? Search { get; init; }
}

/// <summary>历史版本 of one article.</summary>
public sealed class ArticleHistoryViewModel
{
    public required int Id { get; init; }

    public required string Title { get; init; }

    public required ArticleStatus Status { get; init; }

    public required int Version { get; init; }

    public required IReadOnlyList<RevisionListItem> Revisions { get; init; }

    /// <summary>The revision readers see, and the one holding the 待审修改, if any.</summary>
    public int? LiveRevision { get; init; }

    public int? PendingRevision { get; init; }

    /// <summary>Whether the signed-in user may restore a revision, and whether that makes a 待审修改 (live article) or a draft.</summary>
    public bool MayRestore { get; init; }

    public bool RestoresAsCorrection { get; init; }
}

/// <summary>Two revisions compared.</summary>
public sealed class ArticleCompareViewModel
{
    public required int Id { get; init; }

    public required string Title { get; init; }

    public required int From { get; init; }

    public required int To { get; init; }

    public required IReadOnlyList<FieldChange> FieldChanges { get; init; }

    public required IReadOnlyList<DiffSegment> BodyDiff { get; init; }
}
