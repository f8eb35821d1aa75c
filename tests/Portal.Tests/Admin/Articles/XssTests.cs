using System.Net;
using Portal.Core.Articles;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Articles;

/// <summary>
/// Hostile input through every editable field, published, then read back on the public pages:
/// no script, no event handler, no script-capable URL survives, and text fields stay text.
/// </summary>
public sealed class XssTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    public static TheoryData<string> Payloads { get; } = new(XssAssert.Payloads);

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Payload_InEveryField_IsInertOnPublicPages(string payload)
    {
        var admin = await fixture.LoginAsync("admin");
        var title = Truncate("标题" + payload, 200);
        var source = Truncate("来源" + payload, 100);
        var form = ArticleForm(title, fixture.NewsId, "正文开始\n\n" + payload + "\n\n正文结束", source: source, summary: "摘要" + payload, keywords: Truncate("关键词," + payload, 200));
        var (created, createdPage) = await PostAsync(admin, "/admin/articles/create", form);
        if (created.StatusCode != HttpStatusCode.Redirect)
        {
            // Refused at the door (an image without alt text): nothing to publish, which is safe.
            // Only an image can be refused; a refusal of anything else would hide the check below.
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            Assert.True(payload.Contains("<img", StringComparison.OrdinalIgnoreCase) || payload.Contains("![", StringComparison.Ordinal), $"Refused a payload that is not an image: {payload}");
            Assert.NotNull(createdPage.QuerySelector(".field-error:not(:empty)"));
            return;
        }

        var id = int.Parse(created.Headers.Location!.OriginalString["/admin/articles/edit/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var (forced, _) = await PostAsync(admin, $"/admin/articles/forcepublish/{id}", new() { ["version"] = "1", ["reason"] = "XSS 测试" });
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        var article = await fixture.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Published, article.Status);

        var (articleResponse, articlePage) = await fixture.Factory.GetDocumentAsync($"/articles/{article.UrlKey}");
        Assert.Equal(HttpStatusCode.OK, articleResponse.StatusCode);
        XssAssert.NoActiveContent(articlePage);
        Assert.Contains(title, articlePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(source, articlePage.Body!.TextContent, StringComparison.Ordinal);

        var (_, home) = await fixture.Factory.GetDocumentAsync("/");
        XssAssert.NoActiveContent(home);
        var (_, section) = await fixture.Factory.GetDocumentAsync("/xinwen");
        XssAssert.NoActiveContent(section);
        Assert.Contains(section.QuerySelectorAll("a"), a => a.TextContent.Contains(title, StringComparison.Ordinal));
    }


    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
