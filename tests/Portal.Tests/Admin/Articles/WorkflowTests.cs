using System.Net;
using Portal.Core.Articles;
using Portal.Core.Audit;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Articles;

/// <summary>The editorial workflow over HTTP, as editors, reviewers and admins use it.</summary>
public sealed class WorkflowTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task Workflow_SubmitReturnFixResubmitPublish_ArticleVisibleOnPublicPage()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("流程测试文章", fixture.NewsId, "第一稿正文", command: "submit"));
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(id)).Status);

        var (returned, _) = await PostAsync(reviewer, $"/admin/articles/return/{id}", V((await fixture.ArticleAsync(id)).Version, ("comment", "请补充数据来源")));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Returned, article.Status);
        Assert.Equal("请补充数据来源", article.ReviewComment);

        var (_, editPage) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", editor);
        Assert.Contains("请补充数据来源", editPage.QuerySelector(".review-comment")!.TextContent, StringComparison.Ordinal);

        var (fixedResponse, _) = await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("流程测试文章", fixture.NewsId, "第二稿正文，已补充来源", article.Version, "submit"));
        Assert.Equal(HttpStatusCode.Redirect, fixedResponse.StatusCode);
        article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Submitted, article.Status);

        var (published, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V(article.Version));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);

        var (page, document) = await fixture.Factory.GetDocumentAsync($"/articles/{article.UrlKey}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("第二稿正文，已补充来源", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{12}$", article.UrlKey);

        var actions = (await fixture.AuditAsync(id)).Select(e => e.Action).ToList();
        Assert.Equal([AuditActions.ArticleCreate, AuditActions.ArticleSubmit, AuditActions.ArticleReturn, AuditActions.ArticleEdit, AuditActions.ArticleSubmit, AuditActions.ArticleApprove, AuditActions.ArticlePublish], actions);
        var revisions = await fixture.Factory.WithDbAsync(db => Task.FromResult(db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).Select(r => r.Number).ToList()));
        Assert.Equal(Enumerable.Range(1, article.Version), revisions);

        // Withdrawn: gone from the public site.
        var (withdrawn, _) = await PostAsync(reviewer, $"/admin/articles/withdraw/{id}", V(article.Version));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var (gone, _) = await fixture.Factory.GetDocumentAsync($"/articles/{article.UrlKey}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Approve_ByWriterOfCurrentRevision_IsRefusedWith403()
    {
        var reviewer = await fixture.LoginAsync("reviewer2");
        var id = await CreateAsync(reviewer, ArticleForm("自己写的稿件", fixture.NewsId, "正文", command: "submit"));
        var (response, document) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("三审分离", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Publish_ByEditor_IsDeniedByPolicy()
    {
        var editor = await fixture.LoginAsync("editor");
        var id = await CreateAsync(editor, ArticleForm("编辑不能发布", fixture.NewsId, "正文", command: "submit"));
        var (response, _) = await PostAsync(editor, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ArticleStatus.Submitted, (await fixture.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task ForcePublish_ByAdminWithReason_IsPublishedAndReasonAudited()
    {
        var admin = await fixture.LoginAsync("admin");
        var id = await CreateAsync(admin, ArticleForm("紧急通知", fixture.NoticesId, "正文"));
        var version = (await fixture.ArticleAsync(id)).Version;

        var (refused, _) = await PostAsync(admin, $"/admin/articles/forcepublish/{id}", V(version, ("reason", "")));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(ArticleStatus.Draft, (await fixture.ArticleAsync(id)).Status);

        var (forced, _) = await PostAsync(admin, $"/admin/articles/forcepublish/{id}", V(version, ("reason", "防汛紧急通知，夜间无审核人员")));
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.Equal(ArticleStatus.Published, (await fixture.ArticleAsync(id)).Status);
        var entry = Assert.Single(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticleForcePublish);
        Assert.Contains("防汛紧急通知，夜间无审核人员", entry.Details, StringComparison.Ordinal);
        Assert.Equal("admin", entry.UserName);
    }

    [Fact]
    public async Task Create_InSectionOutsideEditorsLimit_IsRefusedWithFieldError()
    {
        var limited = await fixture.LoginAsync("limited");
        var (response, document) = await PostAsync(limited, "/admin/articles/create", ArticleForm("越权稿件", fixture.NewsId, "正文"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The refusal names the sections the editor is responsible for.
        Assert.Matches("^您只负责“.+”栏目，不能在所选栏目发稿。$", document.QuerySelector("[data-valmsg-for='Input.SectionId']")!.TextContent);
        Assert.False(await fixture.Factory.WithDbAsync(db => Task.FromResult(db.Articles.Any(a => a.Title == "越权稿件"))));

        var allowed = await CreateAsync(limited, ArticleForm("本栏目稿件", fixture.NoticesId, "正文"));
        Assert.True(allowed > 0);
        Assert.Equal(fixture.NoticesId, (await fixture.ArticleAsync(allowed)).SectionId);
    }

    [Fact]
    public async Task Save_ImageWithoutAltText_IsRefusedWithChineseMessage()
    {
        var editor = await fixture.LoginAsync("editor");
        var (response, document) = await PostAsync(editor, "/admin/articles/create", ArticleForm("图片稿件", fixture.NewsId, "看图：![](/media/a.png)"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("替代文字", document.QuerySelector("[data-valmsg-for='Input.BodyMarkdown']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_MissingFields_ShowsChineseMessagesBesideFields()
    {
        var editor = await fixture.LoginAsync("editor");
        var form = ArticleForm("", fixture.NewsId, "", source: "");
        form["Input.SectionId"] = "";
        var (response, document) = await PostAsync(editor, "/admin/articles/create", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("请填写标题。", document.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent);
        Assert.Equal("请选择栏目。", document.QuerySelector("[data-valmsg-for='Input.SectionId']")!.TextContent);
        Assert.Equal("请填写来源。", document.QuerySelector("[data-valmsg-for='Input.Source']")!.TextContent);
        Assert.Equal("请填写正文。", document.QuerySelector("[data-valmsg-for='Input.BodyMarkdown']")!.TextContent);
    }

    [Fact]
    public async Task PublishDateChange_OnPublishedArticle_IsReviewedWithTheCorrectionAndAuditedInBeijingTime()
    {
        var editor = await fixture.LoginAsync("editor2");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("改日期", fixture.NewsId, "正文", command: "submit"));
        await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);

        // The editor's change of date is a correction: the live date stays until it is approved.
        var (saved, _) = await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("改日期", fixture.NewsId, "正文", article.Version, publishedAtLocal: "2020-01-02T09:30", command: "submit"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var pending = await fixture.ArticleAsync(id);
        Assert.Equal(article.PublishedAt, pending.PublishedAt);
        Assert.Equal(ArticleStatus.Submitted, pending.PendingStatus);

        var (approved, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V(pending.Version));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var after = await fixture.ArticleAsync(id);
        Assert.Equal(new DateTime(2020, 1, 2, 1, 30, 0, DateTimeKind.Utc), after.PublishedAt); // 09:30 in Beijing
        Assert.Null(after.PendingRevision);
        var entry = Assert.Single(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticlePublishDateChange);
        Assert.Contains("→ 2020-01-02 09:30（北京时间）", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ThenAdminRestoresFromBin_ArticleBack()
    {
        var editor = await fixture.LoginAsync("editor");
        var admin = await fixture.LoginAsync("admin");
        var id = await CreateAsync(editor, ArticleForm("待删除", fixture.NewsId, "正文"));
        var (deleted, _) = await PostAsync(editor, $"/admin/articles/delete/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.NotNull((await fixture.ArticleAsync(id)).DeletedAt);

        var (editorBin, _) = await fixture.Factory.GetDocumentAsync("/admin/articles/bin", editor);
        Assert.Equal(HttpStatusCode.Forbidden, editorBin.StatusCode);
        var (bin, binPage) = await fixture.Factory.GetDocumentAsync("/admin/articles/bin", admin);
        Assert.Equal(HttpStatusCode.OK, bin.StatusCode);
        Assert.Contains("待删除", binPage.Body!.TextContent, StringComparison.Ordinal);

        var (restored, _) = await PostAsync(admin, $"/admin/articles/restore/{id}", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Null((await fixture.ArticleAsync(id)).DeletedAt);
        Assert.Contains(await fixture.AuditAsync(id), e => e.Action == AuditActions.ArticleRestore);
    }

    [Fact]
    public async Task List_FiltersByStatusAndSearch_ShowsMatchingArticles()
    {
        var editor = await fixture.LoginAsync("editor");
        await CreateAsync(editor, ArticleForm("列表筛选甲", fixture.NewsId, "正文"));
        await CreateAsync(editor, ArticleForm("列表筛选乙", fixture.NewsId, "正文", command: "submit"));
        var (response, document) = await fixture.Factory.GetDocumentAsync("/admin/articles?status=Submitted&q=%E5%88%97%E8%A1%A8%E7%AD%9B%E9%80%89", editor);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var titles = document.QuerySelectorAll(".article-table tbody a").Select(a => a.TextContent).ToList();
        Assert.Equal(["列表筛选乙"], titles);
    }
}
