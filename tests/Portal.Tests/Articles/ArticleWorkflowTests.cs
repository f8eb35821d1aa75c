using Portal.Core.Articles;

namespace Portal.Tests.Articles;

/// <summary>
/// The workflow table, every cell: each command in each state for an editor, a reviewer and an
/// administrator (written down here independently of the code), then the rules that depend on
/// the person (sections, one's own change, two levels of one round) and the review levels.
/// </summary>
public sealed class ArticleWorkflowTests
{
    private static readonly WorkflowState[] States =
    [
        WorkflowState.Draft, WorkflowState.Submitted, WorkflowState.Returned, WorkflowState.Scheduled, WorkflowState.Published,
        WorkflowState.Withdrawn, WorkflowState.CorrectionDraft, WorkflowState.CorrectionSubmitted, WorkflowState.CorrectionReturned, WorkflowState.InBin,
    ];

    /// <summary>
    /// Per command, one group per state in <see cref="States"/> order: E (editor), R (reviewer),
    /// A (admin) where the command is allowed, '-' where it is not.
    /// </summary>
    private static readonly Dictionary<ArticleCommand, string> Expected = new()
    {
        //                                       Draft Subm  Retu  Sche  Publ  Withd CDraf CSubm CRetu Bin
        [ArticleCommand.View] = "               ERA   ERA   ERA   ERA   ERA   ERA   ERA   ERA   ERA   ---",
        [ArticleCommand.Save] = "               ERA   ERA   ERA   ERA   ERA   ERA   ERA   ERA   ERA   ---",
        [ArticleCommand.Submit] = "             ERA   ---   ERA   ---   ---   ERA   ERA   ---   ERA   ---",
        [ArticleCommand.Approve] = "            ---   -RA   ---   ---   ---   ---   ---   -RA   ---   ---",
        [ArticleCommand.Schedule] = "           ---   -RA   ---   ---   ---   ---   ---   ---   ---   ---",
        [ArticleCommand.Return] = "             ---   -RA   ---   ---   ---   ---   ---   -RA   ---   ---",
        [ArticleCommand.Withdraw] = "           ---   ---   ---   -RA   -RA   ---   -RA   -RA   -RA   ---",
        [ArticleCommand.Delete] = "             ERA   ERA   ERA   -RA   -RA   ERA   -RA   -RA   -RA   ---",
        [ArticleCommand.Restore] = "            ---   ---   ---   ---   ---   ---   ---   ---   ---   --A",
        [ArticleCommand.Purge] = "              ---   ---   ---   ---   ---   ---   ---   ---   ---   --A",
        [ArticleCommand.RestoreRevision] = "    ERA   ERA   ERA   ERA   ERA   ERA   ERA   ERA   ERA   ---",
        [ArticleCommand.DiscardCorrection] = "  ---   ---   ---   ---   ---   ---   ERA   ERA   ERA   ---",
        [ArticleCommand.ForcePublish] = "       --A   --A   --A   --A   ---   --A   --A   --A   --A   ---",
        [ArticleCommand.ManagePreviewLinks] = " -RA   -RA   -RA   -RA   -RA   -RA   -RA   -RA   -RA   ---",
        [ArticleCommand.Feature] = "            ---   ---   ---   -RA   -RA   ---   -RA   -RA   -RA   ---",
    };

    private static readonly (char Code, WorkflowActor Actor)[] Roles =
    [
        ('E', new WorkflowActor(CanReview: false, IsAdmin: false)),
        ('R', new WorkflowActor(CanReview: true, IsAdmin: false)),
        ('A', new WorkflowActor(CanReview: true, IsAdmin: true)),
    ];

    public static TheoryData<ArticleCommand> Commands => [.. Enum.GetValues<ArticleCommand>()];

    [Fact]
    public void Expected_CoversEveryCommandAndState()
    {
        Assert.Equal(Enum.GetValues<ArticleCommand>().Order(), Expected.Keys.Order());
        Assert.Equal(Enum.GetValues<WorkflowState>().Order(), States.Order());
        Assert.All(Expected.Values, row => Assert.Equal(States.Length, Groups(row).Length));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Check_EveryStateAndRole_MatchesTheTable(ArticleCommand command)
    {
        var groups = Groups(Expected[command]);
        for (var i = 0; i < States.Length; i++)
        {
            foreach (var (code, actor) in Roles)
            {
                var decision = ArticleWorkflow.Check(command, new WorkflowArticle(States[i]), actor);
                var expected = groups[i].Contains(code, StringComparison.Ordinal);
                Assert.True(expected == decision.Allowed, $"{command} in {States[i]} for {code}: expected {(expected ? "allowed" : "refused")}, got {decision.Reason ?? "allowed"}");
                if (!decision.Allowed)
                {
                    Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
                    Assert.Matches("\\p{IsCJKUnifiedIdeographs}", decision.Reason);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Check_RefusedForTheRole_IsForbiddenAndForTheState_IsNot(ArticleCommand command)
    {
        var groups = Groups(Expected[command]);
        for (var i = 0; i < States.Length; i++)
        {
            var anyone = groups[i] != "---";
            foreach (var (code, actor) in Roles)
            {
                var decision = ArticleWorkflow.Check(command, new WorkflowArticle(States[i]), actor);
                if (!decision.Allowed)
                {
                    // Nobody may do it in this state: the state is the reason, not the person.
                    Assert.True(anyone == decision.Forbidden, $"{command} in {States[i]} for {code}: {decision.Reason}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Check_OutsideTheActorsSections_RefusedNamingThemExceptForAnAdmin(ArticleCommand command)
    {
        var groups = Groups(Expected[command]);
        for (var i = 0; i < States.Length; i++)
        {
            foreach (var (code, actor) in Roles)
            {
                if (!groups[i].Contains(code, StringComparison.Ordinal))
                {
                    continue;
                }

                var outside = actor with { InSection = false, SectionNames = "通知公告" };
                var decision = ArticleWorkflow.Check(command, new WorkflowArticle(States[i]), outside);
                if (code == 'A')
                {
                    Assert.True(decision.Allowed, $"{command} in {States[i]}: an admin is not limited to sections");
                }
                else
                {
                    Assert.False(decision.Allowed, $"{command} in {States[i]} for {code} outside the sections");
                    Assert.True(decision.Forbidden);
                    Assert.Contains("您只负责“通知公告”栏目", decision.Reason, StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [InlineData(WorkflowState.Submitted)]
    [InlineData(WorkflowState.CorrectionSubmitted)]
    public void Approve_OwnChange_RefusedAtEveryLevelCountButZero(WorkflowState state)
    {
        var writer = new WorkflowActor(CanReview: true, IsAdmin: true, WroteChange: true);
        foreach (var levels in new[] { 1, 2, 3 })
        {
            for (var stage = 0; stage < levels; stage++)
            {
                var decision = ArticleWorkflow.Check(ArticleCommand.Approve, new WorkflowArticle(state, levels, stage), writer);
                Assert.False(decision.Allowed);
                Assert.True(decision.Forbidden);
                Assert.Contains("三审分离", decision.Reason, StringComparison.Ordinal);
            }
        }

        Assert.True(ArticleWorkflow.Allows(ArticleCommand.Approve, new WorkflowArticle(state, 0, 0), writer));
    }

    [Fact]
    public void Approve_SecondLevelOfTheSameRoundBySamePerson_Refused()
    {
        var approvedBefore = new WorkflowActor(CanReview: true, IsAdmin: false, ApprovedThisRound: true);
        var decision = ArticleWorkflow.Check(ArticleCommand.Approve, new WorkflowArticle(WorkflowState.Submitted, 3, 1), approvedBefore);
        Assert.False(decision.Allowed);
        Assert.Contains("同一人不能审核两级", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("复审", decision.Reason, StringComparison.Ordinal);
        Assert.True(ArticleWorkflow.Allows(ArticleCommand.Approve, new WorkflowArticle(WorkflowState.Submitted, 3, 1), approvedBefore with { ApprovedThisRound = false }));
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(1, 0, true)]
    [InlineData(2, 0, false)]
    [InlineData(2, 1, true)]
    [InlineData(3, 0, false)]
    [InlineData(3, 1, false)]
    [InlineData(3, 2, true)]
    public void Schedule_OnlyAtTheLastLevel(int levels, int stage, bool allowed)
    {
        var reviewer = new WorkflowActor(CanReview: true, IsAdmin: false);
        var article = new WorkflowArticle(WorkflowState.Submitted, levels, stage);
        Assert.Equal(allowed, article.NextIsFinal);
        var decision = ArticleWorkflow.Check(ArticleCommand.Schedule, article, reviewer);
        Assert.Equal(allowed, decision.Allowed);
        if (!allowed)
        {
            Assert.Contains("终审时才能定时发布", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1, 1, "审核")]
    [InlineData(0, 1, "审核")]
    [InlineData(2, 1, "初审")]
    [InlineData(2, 2, "终审")]
    [InlineData(3, 1, "初审")]
    [InlineData(3, 2, "复审")]
    [InlineData(3, 3, "终审")]
    public void LevelName_NamesEachLevel(int levels, int level, string name) =>
        Assert.Equal(name, ArticleWorkflow.LevelName(level, levels));

    [Theory]
    [InlineData(ArticleStatus.Draft, null, false, WorkflowState.Draft)]
    [InlineData(ArticleStatus.Published, null, false, WorkflowState.Published)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Draft, false, WorkflowState.CorrectionDraft)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Submitted, false, WorkflowState.CorrectionSubmitted)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Returned, false, WorkflowState.CorrectionReturned)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Submitted, true, WorkflowState.InBin)]
    [InlineData(ArticleStatus.Withdrawn, null, false, WorkflowState.Withdrawn)]
    [InlineData(ArticleStatus.Scheduled, null, false, WorkflowState.Scheduled)]
    public void StateOf_ReadsTheArticleRow(ArticleStatus status, ArticleStatus? pending, bool inBin, WorkflowState expected) =>
        Assert.Equal(expected, WorkflowArticle.StateOf(status, pending, inBin));

    private static string[] Groups(string row) => row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
