using AngleSharp.Dom;
using Portal.Tests.Admin.Articles;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Pages;

/// <summary>
/// The PubDate tag carries the time of day when the article has one: an article published in the
/// admin area does; an imported page gives only its date (<see cref="SeedPageTests"/>).
/// </summary>
public sealed class PubDateTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task PubDate_OfAnArticlePublishedInTheAdminArea_IsDateAndTimeInTheSiteZone()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("有发布时间的文章", fixture.NewsId, "正文", command: "submit"));
        await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        var article = await fixture.ArticleAsync(id);
        Assert.True(article.HasPublishTime);

        var (_, document) = await fixture.Factory.GetDocumentAsync($"/articles/{article.UrlKey}");

        // The fixture's clock stands at 2030-05-01 02:00 UTC: 10:00 in Beijing.
        Assert.Equal("2030-05-01 10:00", Meta(document, "PubDate"));
    }

    private static string? Meta(IDocument document, string name) =>
        document.QuerySelectorAll("meta[name]").SingleOrDefault(m => m.GetAttribute("name") == name)?.GetAttribute("content");
}
