using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Articles;

/// <summary>
/// 三审 over HTTP with distinct users: each review-level count of a section end to end, the
/// approvals recorded with who and when, and the refusals (the writer approving, one person
/// approving two levels, returning at a later level).
/// </summary>
public sealed class ReviewLevelTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task ThreeLevels_FirstSecondAndFinalByThreePeople_PublishesAfterTheThird()
    {
        var section = await SectionWithLevelsAsync(3);
        var editor = await fixture.LoginAsync("editor");
        var first = await fixture.LoginAsync("reviewer");
        var second = await fixture.LoginAsync("reviewer2");
        var final = await fixture.LoginAsync("admin");
        var id = await CreateAsync(editor, ArticleForm("三审稿件", section, "正文", command: "submit"));

        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", first);
        Assert.Contains("初审通过", ButtonsOf(page), StringComparer.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("form[action^='/admin/articles/schedule/']"), _ => true);

        await ApproveAsync(first, id, expectFlash: "初审已通过，等待复审。");
        Assert.Equal((ArticleStatus.Submitted, 1), await StageAsync(id));

        // The first reviewer may not give the second level too.
        var (_, again) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", first);
        Assert.DoesNotContain("复审通过", ButtonsOf(again), StringComparer.Ordinal);
        Assert.Contains("同一人不能审核两级", again.QuerySelector(".workflow")!.TextContent, StringComparison.Ordinal);
        var (twice, _) = await PostAsync(first, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Forbidden, twice.StatusCode);

        await ApproveAsync(second, id, expectFlash: "复审已通过，等待终审。");
        Assert.Equal((ArticleStatus.Submitted, 2), await StageAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Factory.CreateClient().GetAsync($"/articles/{(await fixture.ArticleAsync(id)).UrlKey}")).StatusCode);

        await ApproveAsync(final, id, expectFlash: "已发布。");
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.CreateClient().GetAsync($"/articles/{article.UrlKey}")).StatusCode);

        var approvals = await fixture.Factory.WithDbAsync(db => db.ArticleApprovals.AsNoTracking().Where(a => a.ArticleId == id).OrderBy(a => a.Level).ToListAsync());
        Assert.Equal([1, 2, 3], approvals.Select(a => a.Level));
        Assert.Equal(["审核甲", "审核乙", "管理员甲"], approvals.Select(a => a.ReviewerName));
        Assert.All(approvals, a => Assert.Equal(fixture.Time.GetUtcNow().UtcDateTime, a.ApprovedAt));
        Assert.Single(approvals.Select(a => a.Round).Distinct());

        // History names each level's approval.
        var (_, history) = await fixture.Factory.GetDocumentAsync($"/admin/articles/history/{id}", editor);
        var notes = history.QuerySelectorAll("table.revisions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(notes, n => n.Contains("初审通过", StringComparison.Ordinal) && n.Contains("审核甲", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("复审通过", StringComparison.Ordinal) && n.Contains("审核乙", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("发布", StringComparison.Ordinal) && n.Contains("管理员甲", StringComparison.Ordinal));
        Assert.Equal(3, (await fixture.AuditAsync(id)).Count(e => e.Action == AuditActions.ArticleApprove));
    }

    [Fact]
    public async Task TwoLevels_ReturnAtFinal_GoesBackToTheWriterWithTheComment_AndApprovalsStartAgain()
    {
        var section = await SectionWithLevelsAsync(2);
        var editor = await fixture.LoginAsync("editor");
        var first = await fixture.LoginAsync("reviewer");
        var final = await fixture.LoginAsync("reviewer2");
        var id = await CreateAsync(editor, ArticleForm("二审稿件", section, "正文", command: "submit"));
        await ApproveAsync(first, id, expectFlash: "初审已通过，等待终审。");

        var (returned, _) = await PostAsync(final, $"/admin/articles/return/{id}", V((await fixture.ArticleAsync(id)).Version, ("comment", "数据需核实")));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Returned, article.Status);
        Assert.Equal("数据需核实", article.ReviewComment);
        Assert.Equal(0, article.ReviewStage);
        Assert.Contains(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticleReturn && e.Details == "终审退回：数据需核实");
        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", editor);
        Assert.Contains("数据需核实", page.QuerySelector(".review-comment")!.TextContent, StringComparison.Ordinal);

        // Resubmitted, the earlier 初审 no longer counts: the first reviewer may approve again.
        var (resubmitted, _) = await PostAsync(editor, $"/admin/articles/submit/{id}", V(article.Version));
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        await ApproveAsync(first, id, expectFlash: "初审已通过，等待终审。");
        await ApproveAsync(final, id, expectFlash: "已发布。");
        Assert.Equal(ArticleStatus.Published, (await fixture.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task OneLevel_WriterMayNotApprove_AnotherReviewerPublishes()
    {
        var section = await SectionWithLevelsAsync(1);
        var writer = await fixture.LoginAsync("reviewer");
        var other = await fixture.LoginAsync("reviewer2");
        var id = await CreateAsync(writer, ArticleForm("审核本人稿件", section, "正文", command: "submit"));

        var (refused, document) = await PostAsync(writer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("三审分离", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(id)).Status);

        await ApproveAsync(other, id, expectFlash: "已发布。");
        Assert.Equal(ArticleStatus.Published, (await fixture.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task OneLevel_WriterMayNotApproveAfterSomeoneElseMadeTheLastSmallChange()
    {
        var section = await SectionWithLevelsAsync(1);
        var writer = await fixture.LoginAsync("reviewer");
        var colleague = await fixture.LoginAsync("editor");
        var id = await CreateAsync(writer, ArticleForm("审核撰写的稿件", section, "审核写的全文", command: "submit"));
        await PostAsync(colleague, $"/admin/articles/edit/{id}", ArticleForm("审核撰写的稿件", section, "审核写的全文。", (await fixture.ArticleAsync(id)).Version));

        var (refused, document) = await PostAsync(writer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("三审分离", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task CorrectionMovingToAStricterSection_NeedsThatSectionsLevels()
    {
        var lax = await SectionWithLevelsAsync(0);
        var strict = await SectionWithLevelsAsync(2);
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(reviewer, ArticleForm("移栏目的修改", lax, "正文", command: "submit"));
        await ApproveAsync(reviewer, id, expectFlash: "已发布。");

        await PostAsync(reviewer, $"/admin/articles/edit/{id}", ArticleForm("移栏目的修改", strict, "正文（移到严格栏目）", (await fixture.ArticleAsync(id)).Version, command: "submit"));
        var (refused, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(lax, (await fixture.ArticleAsync(id)).SectionId);
        await ApproveAsync(await fixture.LoginAsync("reviewer2"), id, expectFlash: "初审已通过，等待终审。");
    }

    [Fact]
    public async Task ZeroLevels_ReviewerPublishesTheirOwnChange_EditorStillCannot()
    {
        var section = await SectionWithLevelsAsync(0);
        var reviewer = await fixture.LoginAsync("reviewer");
        var editor = await fixture.LoginAsync("editor");
        var id = await CreateAsync(reviewer, ArticleForm("小单位稿件", section, "正文", command: "submit"));

        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", reviewer);
        Assert.Contains("审核通过并发布", ButtonsOf(page), StringComparer.Ordinal);
        await ApproveAsync(reviewer, id, expectFlash: "已发布。");
        Assert.Equal(ArticleStatus.Published, (await fixture.ArticleAsync(id)).Status);

        var own = await CreateAsync(editor, ArticleForm("编辑稿件", section, "正文", command: "submit"));
        var (refused, _) = await PostAsync(editor, $"/admin/articles/publish/{own}", V((await fixture.ArticleAsync(own)).Version));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task ChangeDuringReview_RestartsTheLevels()
    {
        var section = await SectionWithLevelsAsync(2);
        var editor = await fixture.LoginAsync("editor");
        var first = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("审中修改", section, "正文", command: "submit"));
        await ApproveAsync(first, id, expectFlash: "初审已通过，等待终审。");

        var (saved, _) = await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("审中修改", section, "改过的正文", (await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Submitted, article.Status);
        Assert.Equal(0, article.ReviewStage);

        // The change is new content: the 初审 given before does not count, the same person may give it again.
        await ApproveAsync(first, id, expectFlash: "初审已通过，等待终审。");
    }

    [Fact]
    public async Task ConcurrentApprovals_OfOneLevel_OnlyOneCounts()
    {
        var section = await SectionWithLevelsAsync(2);
        var editor = await fixture.LoginAsync("editor");
        var reviewers = new[] { await fixture.LoginAsync("reviewer"), await fixture.LoginAsync("reviewer2") };
        var id = await CreateAsync(editor, ArticleForm("并发审核", section, "正文", command: "submit"));
        var version = (await fixture.ArticleAsync(id)).Version;
        var token = await StaffAccounts.AntiforgeryTokenAsync(reviewers[0], "/admin/articles/create");
        var token2 = await StaffAccounts.AntiforgeryTokenAsync(reviewers[1], "/admin/articles/create");

        var posts = Enumerable.Range(0, 30).Select(i => reviewers[i % 2].PostAsync($"/admin/articles/publish/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = i % 2 == 0 ? token : token2,
        })));
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, r.StatusCode.ToString()));
        var approvals = await fixture.Factory.WithDbAsync(db => db.ArticleApprovals.Where(a => a.ArticleId == id).ToListAsync());
        Assert.Single(approvals);
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Submitted, article.Status);
        Assert.Equal(1, article.ReviewStage);
    }

    private Task<int> SectionWithLevelsAsync(int levels) =>
        fixture.Factory.WithDbAsync(async db =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var section = TestContent.Section("审级栏目" + suffix, "审级" + suffix, "levels-" + suffix);
            section.ReviewLevels = levels;
            db.Sections.Add(section);
            await db.SaveChangesAsync();
            return section.Id;
        });

    private async Task ApproveAsync(HttpClient reviewer, int id, string expectFlash)
    {
        var (response, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await fixture.Factory.GetDocumentAsync(response.Headers.Location!.OriginalString, reviewer);
        Assert.Contains(expectFlash, page.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<(ArticleStatus Status, int Stage)> StageAsync(int id)
    {
        var article = await fixture.ArticleAsync(id);
        return (article.Status, article.ReviewStage);
    }

    private static List<string> ButtonsOf(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".workflow button").Select(b => b.TextContent.Trim()).ToList();
}
