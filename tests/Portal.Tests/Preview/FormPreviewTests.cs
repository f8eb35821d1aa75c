using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Articles;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Preview;

/// <summary>The form's 预览 button: the unsaved form as the public article page, in a new tab, saving nothing.</summary>
public sealed class FormPreviewTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    private const string Body = "**粗体**\n\n<script>alert(1)</script>\n\n[链接](javascript:alert(1))";

    [Fact]
    public async Task Preview_UnsavedForm_ShowsThePublicLayoutWithTheBannerAndSavesNothing()
    {
        var editor = await fixture.LoginAsync("editor");
        var before = await fixture.Factory.WithDbAsync(db => db.Articles.CountAsync());

        var (response, page) = await PostAsync(editor, "/admin/articles/preview", ArticleForm("未保存的预览稿", fixture.NewsId, Body, command: "preview", source: "县政府办公室"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("noindex", page.QuerySelector("meta[name='robots']")!.GetAttribute("content"));
        Assert.Null(page.QuerySelector("link[rel='canonical']"));
        Assert.Null(page.QuerySelector("meta[name='ArticleTitle']"));

        // The public layout's pieces: header with the menu, breadcrumb to the chosen section, 日期/来源, 字号.
        Assert.NotNull(page.QuerySelector("header.site-header nav"));
        Assert.Contains("新闻中心", page.QuerySelector(".breadcrumb")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".font-size-switch a[data-font-size='large']"));
        Assert.Contains("来源：县政府办公室", page.QuerySelector(".article-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("预览：此页面尚未发布，仅供审核，请勿转发。", page.QuerySelector(".preview-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("未保存的预览稿", page.QuerySelector("h1.article-title")!.TextContent);

        // The same renderer as the public page: sanitised, no script, no javascript: link.
        var body = page.QuerySelector(".article-body")!;
        Assert.Equal(new MarkdownRenderer().Render(Body).Trim(), body.InnerHtml.Trim());
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Null(page.QuerySelector(".article-neighbours"));

        Assert.Equal(before, await fixture.Factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Preview_FormTheSaveWouldRefuse_StillPreviewsAndListsTheProblemsInChinese()
    {
        var editor = await fixture.LoginAsync("editor");
        var form = ArticleForm("", 0, "只有正文", command: "preview", source: "");
        form["Input.SectionId"] = "";

        var (response, page) = await PostAsync(editor, "/admin/articles/preview", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var banner = page.QuerySelector(".preview-banner")!.TextContent;
        Assert.Contains("尚未选择栏目", banner, StringComparison.Ordinal);
        Assert.Contains("请填写标题。", banner, StringComparison.Ordinal);
        Assert.Contains("请填写来源。", banner, StringComparison.Ordinal);
        Assert.Contains("只有正文", page.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("header.site-header"));
    }

    [Fact]
    public async Task Preview_BodyNestedTooDeeply_ShowsTheChineseMessageInsteadOfAServerError()
    {
        var editor = await fixture.LoginAsync("editor");

        var (response, page) = await PostAsync(editor, "/admin/articles/preview", ArticleForm("过深预览", fixture.NewsId, TestContent.TooDeepMarkdown, command: "preview"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("正文嵌套层次过深（第 1 行）", page.QuerySelector(".preview-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("正文嵌套层次过深", page.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WithoutTheAntiforgeryToken_IsRefused()
    {
        var editor = await fixture.LoginAsync("editor");

        var response = await editor.PostAsync("/admin/articles/preview", new FormUrlEncodedContent(ArticleForm("无令牌", fixture.NewsId, "正文", command: "preview")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Preview_Anonymous_IsSentToTheLogin()
    {
        var anonymous = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await anonymous.PostAsync("/admin/articles/preview", new FormUrlEncodedContent(ArticleForm("匿名", fixture.NewsId, "正文", command: "preview")));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EditPage_PreviewButton_PostsTheFormToThePreviewInANewTab()
    {
        var editor = await fixture.LoginAsync("editor");
        var id = await CreateAsync(editor, ArticleForm("按钮稿", fixture.NewsId, "正文"));

        foreach (var url in new[] { "/admin/articles/create", $"/admin/articles/edit/{id}" })
        {
            var (_, page) = await fixture.Factory.GetDocumentAsync(url, editor);
            var button = page.QuerySelector("form.article-form .actions button[value='preview']")!;
            Assert.Equal("/admin/articles/preview", button.GetAttribute("formaction"));
            Assert.Equal("_blank", button.GetAttribute("formtarget"));
        }
    }

    [Fact]
    public async Task OldPreviewCommandPostedToTheEditForm_SavesNothing()
    {
        var editor = await fixture.LoginAsync("editor");

        var (response, page) = await PostAsync(editor, "/admin/articles/create", ArticleForm("旧页面预览", fixture.NewsId, "正文", command: "preview"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("内容没有保存", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "旧页面预览")));
    }
}
