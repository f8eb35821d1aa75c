using Portal.Core.Sections;
using Portal.Core.Site;

namespace Portal.Core.Articles;

/// <summary>What can be done to an article in the admin area.</summary>
public enum ArticleCommand
{
    /// <summary>Open it in the admin area (edit page, history, comparison, preview).</summary>
    View,

    /// <summary>Save a change (of a live article: a 待审修改 that leaves the live version online).</summary>
    Save,

    Submit,

    /// <summary>Approve the next review level; the last level publishes (or applies a correction).</summary>
    Approve,

    /// <summary>Approve the last level with a publishing time in the future.</summary>
    Schedule,

    Return,
    Withdraw,

    /// <summary>Move to the recycle bin.</summary>
    Delete,

    /// <summary>Take out of the recycle bin.</summary>
    Restore,

    /// <summary>Delete from the recycle bin for good.</summary>
    Purge,

    /// <summary>Copy an old revision into a new draft (or a new correction of a live article).</summary>
    RestoreRevision,

    /// <summary>Drop the 待审修改 of a live article; the live version stays.</summary>
    DiscardCorrection,

    /// <summary>An administrator publishes whatever the state and whoever wrote it, with a reason.</summary>
    ForcePublish,

    /// <summary>Create or revoke 预览链接 for people without an account.</summary>
    ManagePreviewLinks,

    /// <summary>
    /// 推荐与置顶: set 置顶 (until a date), 头条 and 图片新闻. Only for a live article (已发布, with or
    /// without a 待审修改 in any state, and 定时发布, which goes live by itself): these choose what
    /// readers see first, so they make no sense for text no reader can see yet, and a withdrawn or
    /// binned article keeps its flags unused until it is live again. Reviewers and administrators,
    /// within their sections like every reviewer command; not a content change (no revision).
    /// </summary>
    Feature,
}

/// <summary>Where an article stands, as the workflow sees it: its status, and for a live article the state of its correction.</summary>
public enum WorkflowState
{
    Draft,
    Submitted,
    Returned,
    Scheduled,
    Published,
    Withdrawn,

    /// <summary>已发布, with a 待审修改 being written.</summary>
    CorrectionDraft,

    /// <summary>已发布, with a 待审修改 submitted for review.</summary>
    CorrectionSubmitted,

    /// <summary>已发布, with a 待审修改 returned by a reviewer.</summary>
    CorrectionReturned,

    /// <summary>In the recycle bin.</summary>
    InBin,
}

/// <summary>Who the actor is to an article, beyond the role: what the separation-of-duties and section rules need.</summary>
/// <param name="CanReview">审核 or 管理员.</param>
/// <param name="IsAdmin">管理员.</param>
/// <param name="InSection">The actor may work in the article's section (always true for an administrator).</param>
/// <param name="WroteChange">The actor wrote the change under review (<see cref="Article.LastEditorId"/>).</param>
/// <param name="ApprovedThisRound">The actor already approved a level of the current review round.</param>
/// <param name="SectionNames">The names of the sections a limited actor may work in, for the refusal (empty: not limited).</param>
public sealed record WorkflowActor(bool CanReview, bool IsAdmin, bool InSection = true, bool WroteChange = false, bool ApprovedThisRound = false, string SectionNames = "");

/// <summary>The article as the workflow sees it.</summary>
/// <param name="State">Its <see cref="WorkflowState"/>.</param>
/// <param name="ReviewLevels">Its section's <see cref="Sections.Section.ReviewLevels"/> (0 to 3).</param>
/// <param name="ReviewStage">Levels approved so far in the current round.</param>
public sealed record WorkflowArticle(WorkflowState State, int ReviewLevels = 1, int ReviewStage = 0)
{
    /// <summary>The level the next approval gives (1 for 初审).</summary>
    public int NextLevel => ReviewStage + 1;

    /// <summary>Whether the next approval is the last one, which publishes (or applies the correction).</summary>
    public bool NextIsFinal => NextLevel >= Math.Max(ReviewLevels, 1);

    /// <summary>The state of an article row.</summary>
    public static WorkflowState StateOf(Article article) =>
        StateOf(article.Status, article.PendingStatus, article.DeletedAt is not null);

    public static WorkflowState StateOf(ArticleStatus status, ArticleStatus? pending, bool inBin) => (inBin, status, pending) switch
    {
        (true, _, _) => WorkflowState.InBin,
        (_, ArticleStatus.Published, ArticleStatus.Draft) => WorkflowState.CorrectionDraft,
        (_, ArticleStatus.Published, ArticleStatus.Submitted) => WorkflowState.CorrectionSubmitted,
        (_, ArticleStatus.Published, ArticleStatus.Returned) => WorkflowState.CorrectionReturned,
        (_, ArticleStatus.Draft, _) => WorkflowState.Draft,
        (_, ArticleStatus.Submitted, _) => WorkflowState.Submitted,
        (_, ArticleStatus.Returned, _) => WorkflowState.Returned,
        (_, ArticleStatus.Scheduled, _) => WorkflowState.Scheduled,
        (_, ArticleStatus.Published, _) => WorkflowState.Published,
        _ => WorkflowState.Withdrawn,
    };
}

/// <summary>The answer of <see cref="ArticleWorkflow.Check"/>: allowed, or the Chinese reason why not.</summary>
public sealed record WorkflowDecision(bool Allowed, string? Reason, bool Forbidden)
{
    public static WorkflowDecision Yes { get; } = new(true, null, false);

    /// <summary>Refused for who the actor is (a 403).</summary>
    public static WorkflowDecision NotPermitted(string reason) => new(false, reason, true);

    /// <summary>Refused for the state the article is in (the page says why; not a 403).</summary>
    public static WorkflowDecision WrongState(string reason) => new(false, reason, false);

    /// <summary>A refusal as a command's result: forbidden for the person, invalid for the state.</summary>
    public CommandResult ToResult() => Allowed
        ? throw new InvalidOperationException("An allowed command has no refusal to give.")
        : Forbidden ? CommandResult.Forbidden(Reason!) : CommandResult.Invalid(Reason!);
}

/// <summary>
/// Who may do what to an article, in one table: for a state and a command, which role the command
/// needs (or why no one may), then the rules that depend on the person (section limits, not
/// approving one's own change, not approving two levels of one round). <see cref="EditorialService"/>
/// enforces it; the edit page renders its buttons from it, so the two cannot disagree.
/// </summary>
public static class ArticleWorkflow
{
    /// <summary>Who a cell of the table lets in.</summary>
    private enum Who
    {
        Staff,
        Reviewer,
        Admin,
    }

    /// <summary>
    /// The table: for each command, the states it applies to and the role it needs there. A state
    /// not listed refuses the command, with <see cref="StateReason"/>.
    /// </summary>
    private static readonly Dictionary<ArticleCommand, Dictionary<WorkflowState, Who>> Table = new()
    {
        [ArticleCommand.View] = AllStatesBut(WorkflowState.InBin, Who.Staff),
        [ArticleCommand.Save] = AllStatesBut(WorkflowState.InBin, Who.Staff),
        [ArticleCommand.Submit] = new()
        {
            [WorkflowState.Draft] = Who.Staff,
            [WorkflowState.Returned] = Who.Staff,
            [WorkflowState.Withdrawn] = Who.Staff,
            [WorkflowState.CorrectionDraft] = Who.Staff,
            [WorkflowState.CorrectionReturned] = Who.Staff,
        },
        [ArticleCommand.Approve] = new()
        {
            [WorkflowState.Submitted] = Who.Reviewer,
            [WorkflowState.CorrectionSubmitted] = Who.Reviewer,
        },
        [ArticleCommand.Schedule] = new()
        {
            [WorkflowState.Submitted] = Who.Reviewer,
        },
        [ArticleCommand.Return] = new()
        {
            [WorkflowState.Submitted] = Who.Reviewer,
            [WorkflowState.CorrectionSubmitted] = Who.Reviewer,
        },
        [ArticleCommand.Withdraw] = new()
        {
            [WorkflowState.Scheduled] = Who.Reviewer,
            [WorkflowState.Published] = Who.Reviewer,
            [WorkflowState.CorrectionDraft] = Who.Reviewer,
            [WorkflowState.CorrectionSubmitted] = Who.Reviewer,
            [WorkflowState.CorrectionReturned] = Who.Reviewer,
        },
        [ArticleCommand.Delete] = new()
        {
            [WorkflowState.Draft] = Who.Staff,
            [WorkflowState.Submitted] = Who.Staff,
            [WorkflowState.Returned] = Who.Staff,
            [WorkflowState.Withdrawn] = Who.Staff,
            [WorkflowState.Scheduled] = Who.Reviewer,
            [WorkflowState.Published] = Who.Reviewer,
            [WorkflowState.CorrectionDraft] = Who.Reviewer,
            [WorkflowState.CorrectionSubmitted] = Who.Reviewer,
            [WorkflowState.CorrectionReturned] = Who.Reviewer,
        },
        [ArticleCommand.Restore] = new() { [WorkflowState.InBin] = Who.Admin },
        [ArticleCommand.Purge] = new() { [WorkflowState.InBin] = Who.Admin },
        [ArticleCommand.RestoreRevision] = AllStatesBut(WorkflowState.InBin, Who.Staff),
        [ArticleCommand.DiscardCorrection] = new()
        {
            [WorkflowState.CorrectionDraft] = Who.Staff,
            [WorkflowState.CorrectionSubmitted] = Who.Staff,
            [WorkflowState.CorrectionReturned] = Who.Staff,
        },
        [ArticleCommand.ForcePublish] = new()
        {
            [WorkflowState.Draft] = Who.Admin,
            [WorkflowState.Submitted] = Who.Admin,
            [WorkflowState.Returned] = Who.Admin,
            [WorkflowState.Scheduled] = Who.Admin,
            [WorkflowState.Withdrawn] = Who.Admin,
            [WorkflowState.CorrectionDraft] = Who.Admin,
            [WorkflowState.CorrectionSubmitted] = Who.Admin,
            [WorkflowState.CorrectionReturned] = Who.Admin,
        },
        [ArticleCommand.ManagePreviewLinks] = AllStatesBut(WorkflowState.InBin, Who.Reviewer),
        [ArticleCommand.Feature] = new()
        {
            [WorkflowState.Scheduled] = Who.Reviewer,
            [WorkflowState.Published] = Who.Reviewer,
            [WorkflowState.CorrectionDraft] = Who.Reviewer,
            [WorkflowState.CorrectionSubmitted] = Who.Reviewer,
            [WorkflowState.CorrectionReturned] = Who.Reviewer,
        },
    };

    /// <summary>Whether <paramref name="actor"/> may do <paramref name="command"/> to <paramref name="article"/>, or why not.</summary>
    public static WorkflowDecision Check(ArticleCommand command, WorkflowArticle article, WorkflowActor actor)
    {
        if (!Table[command].TryGetValue(article.State, out var who))
        {
            return WorkflowDecision.WrongState(StateReason(command, article.State));
        }

        if (who == Who.Admin && !actor.IsAdmin)
        {
            return WorkflowDecision.NotPermitted(RoleReason(command, Who.Admin));
        }

        if (who == Who.Reviewer && !actor.CanReview)
        {
            return WorkflowDecision.NotPermitted(RoleReason(command, Who.Reviewer));
        }

        if (!actor.IsAdmin && !actor.InSection)
        {
            return WorkflowDecision.NotPermitted(actor.SectionNames.Length == 0
                ? "您没有处理该栏目文章的权限。"
                : $"您只负责“{actor.SectionNames}”栏目，不能{Verb(command)}其他栏目的文章。");
        }

        if (command is ArticleCommand.Approve or ArticleCommand.Schedule)
        {
            return CheckApproval(command, article, actor);
        }

        return WorkflowDecision.Yes;
    }

    /// <summary>Whether the command is allowed (for a view choosing its buttons).</summary>
    public static bool Allows(ArticleCommand command, WorkflowArticle article, WorkflowActor actor) => Check(command, article, actor).Allowed;

    /// <summary>What review level <paramref name="level"/> is called (<see cref="SectionReviewLevels.LevelName"/>).</summary>
    public static string LevelName(int level, int levels) => SectionReviewLevels.LevelName(level, levels);

    private static WorkflowDecision CheckApproval(ArticleCommand command, WorkflowArticle article, WorkflowActor actor)
    {
        if (command == ArticleCommand.Schedule && !article.NextIsFinal)
        {
            return WorkflowDecision.WrongState($"本栏目实行{SectionReviewLevels.ShortName(article.ReviewLevels)}，{LevelName(article.NextLevel, article.ReviewLevels)}通过后还需终审，终审时才能定时发布。");
        }

        // Level 0: a small office's reviewer publishes their own change.
        if (article.ReviewLevels == 0)
        {
            return WorkflowDecision.Yes;
        }

        if (actor.WroteChange)
        {
            return WorkflowDecision.NotPermitted("当前版本由您本人修改，不能由您审核（三审分离）。请由其他审核人员审核，或由管理员填写理由后强制发布。");
        }

        if (actor.ApprovedThisRound)
        {
            return WorkflowDecision.NotPermitted($"您已审核通过本稿的上一级，{LevelName(article.NextLevel, article.ReviewLevels)}须由另一位审核人员进行（同一人不能审核两级）。");
        }

        return WorkflowDecision.Yes;
    }

    private static Dictionary<WorkflowState, Who> AllStatesBut(WorkflowState excluded, Who who) =>
        Enum.GetValues<WorkflowState>().Where(s => s != excluded).ToDictionary(s => s, _ => who);

    private static string RoleReason(ArticleCommand command, Who who) => who == Who.Admin
        ? $"只有管理员可以{Verb(command)}。"
        : $"只有审核或管理员可以{Verb(command)}。";

    private static string StateReason(ArticleCommand command, WorkflowState state) => (command, state) switch
    {
        (_, WorkflowState.InBin) => "文章在回收站中，请先由管理员恢复。",
        (ArticleCommand.Restore or ArticleCommand.Purge, _) => "文章不在回收站中。",
        (ArticleCommand.Schedule, WorkflowState.CorrectionSubmitted) => "待审修改批准后立即替换线上版本，不能定时发布。",
        (ArticleCommand.Approve or ArticleCommand.Schedule or ArticleCommand.Return, _) => $"文章当前为“{StateName(state)}”，没有待审的内容。",
        (ArticleCommand.Submit, WorkflowState.Submitted or WorkflowState.CorrectionSubmitted) => "文章已在待审中。",
        (ArticleCommand.Submit, WorkflowState.Published or WorkflowState.Scheduled) => "文章已审核通过；如需修改，请保存修改后再提交审核。",
        (ArticleCommand.DiscardCorrection, _) => "这篇文章没有待审修改。",
        (ArticleCommand.ForcePublish, WorkflowState.Published) => "文章已发布，没有待发布的内容。",
        (ArticleCommand.Withdraw, _) => "文章没有在网站上发布，无需撤回。",
        (ArticleCommand.Feature, _) => $"文章当前为“{StateName(state)}”，只有已发布或定时发布的文章才能设置置顶、头条和图片新闻。",
        _ => $"文章当前为“{StateName(state)}”，不能{Verb(command)}。",
    };

    /// <summary>How a workflow state reads in the admin area.</summary>
    public static string StateName(WorkflowState state) => state switch
    {
        WorkflowState.Draft => "草稿",
        WorkflowState.Submitted => "待审",
        WorkflowState.Returned => "已退回",
        WorkflowState.Scheduled => "定时发布",
        WorkflowState.Published => "已发布",
        WorkflowState.Withdrawn => "已撤回",
        WorkflowState.CorrectionDraft => "已发布（修改未提交）",
        WorkflowState.CorrectionSubmitted => "已发布（修改待审）",
        WorkflowState.CorrectionReturned => "已发布（修改已退回）",
        _ => "回收站",
    };

    private static string Verb(ArticleCommand command) => command switch
    {
        ArticleCommand.View => "查看",
        ArticleCommand.Save => "修改",
        ArticleCommand.Submit => "提交审核",
        ArticleCommand.Approve => "审核发布",
        ArticleCommand.Schedule => "定时发布",
        ArticleCommand.Return => "退回稿件",
        ArticleCommand.Withdraw => "撤回",
        ArticleCommand.Delete => "删除",
        ArticleCommand.Restore => "从回收站恢复",
        ArticleCommand.Purge => "永久删除",
        ArticleCommand.RestoreRevision => "恢复历史版本",
        ArticleCommand.DiscardCorrection => "放弃待审修改",
        ArticleCommand.ForcePublish => "强制发布",
        ArticleCommand.Feature => "设置置顶、头条和图片新闻",
        _ => "管理预览链接",
    };
}
