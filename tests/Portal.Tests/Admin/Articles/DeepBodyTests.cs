using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Articles;

/// <summary>A body nested too deeply to render is a field error in the editor, never a server error.</summary>
public sealed class DeepBodyTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Theory]
    [InlineData("save")]
    [InlineData("submit")]
    public async Task Create_BodyNestedTooDeeply_ShowsTheChineseMessageAndKeepsTheText(string command)
    {
        var editor = await fixture.LoginAsync("editor");
        var title = "嵌套过深 " + command;

        var (response, page) = await PostAsync(editor, "/admin/articles/create", ArticleForm(title, fixture.NewsId, TestContent.TooDeepMarkdown, command: command));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("正文嵌套层次过深（第 1 行），请减少引用或列表的嵌套。", page.QuerySelector("[data-valmsg-for='Input.BodyMarkdown']")!.TextContent.Trim());
        Assert.Equal(TestContent.TooDeepMarkdown, ((IHtmlTextAreaElement)page.QuerySelector("textarea[name='Input.BodyMarkdown']")!).Value);
        Assert.Equal(title, ((IHtmlInputElement)page.QuerySelector("input[name='Input.Title']")!).Value);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task Edit_BodyNestedTooDeeplyAtALaterLine_NamesThatLine_OnSaveAndSubmit()
    {
        var editor = await fixture.LoginAsync("editor");
        var id = await CreateAsync(editor, ArticleForm("先正常后过深", fixture.NewsId, "正常正文"));
        var body = "第一段\n\n第二段\n\n" + TestContent.TooDeepMarkdown;

        foreach (var command in new[] { "save", "submit" })
        {
            var (response, page) = await PostAsync(editor, $"/admin/articles/edit/{id}", ArticleForm("先正常后过深", fixture.NewsId, body, version: 1, command: command));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("正文嵌套层次过深（第 5 行），请减少引用或列表的嵌套。", page.QuerySelector("[data-valmsg-for='Input.BodyMarkdown']")!.TextContent.Trim());
            Assert.Equal(body, ((IHtmlTextAreaElement)page.QuerySelector("textarea[name='Input.BodyMarkdown']")!).Value);
        }

        Assert.Equal("正常正文", (await fixture.ArticleAsync(id)).BodyMarkdown);
    }
}
