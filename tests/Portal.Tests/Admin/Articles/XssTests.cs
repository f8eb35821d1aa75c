using System.Net;
using AngleSharp.Dom;
using Portal.Core.Articles;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Admin.Articles;

/// <summary>
/// Hostile input through every editable field, published, then read back on the public pages:
/// no script, no event handler, no script-capable URL survives, and text fields stay text.
/// </summary>
public sealed class XssTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    public static TheoryData<string> Payloads { get; } = new(
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "[点击](javascript:alert(1))",
        "[点击](JaVaScRiPt:alert(1))",
        "[点击](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[点击](javascript&#58;alert(1))",
        "[点击](vbscript:msgbox(1))",
        "[点击](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![图](javascript:alert(1))",
        "![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![图\" onerror=\"alert(1)](/x.png)",
        "[x](/ \"title\\\" onmouseover=\\\"alert(1)\")",
        "<javascript:alert(1)>",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "[点击](java\tscript:alert(1))",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
    ]);

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
        AssertInert(articlePage);
        Assert.Contains(title, articlePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(source, articlePage.Body!.TextContent, StringComparison.Ordinal);

        var (_, home) = await fixture.Factory.GetDocumentAsync("/");
        AssertInert(home);
        var (_, section) = await fixture.Factory.GetDocumentAsync("/xinwen");
        AssertInert(section);
        Assert.Contains(section.QuerySelectorAll("a"), a => a.TextContent.Contains(title, StringComparison.Ordinal));
    }

    private static void AssertInert(IDocument document)
    {
        Assert.Empty(document.QuerySelectorAll("script:not([src^='/js/'])"));
        Assert.Empty(document.QuerySelectorAll("iframe, object, embed, base, svg script"));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.TagName} has {attribute.Name}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "data" or "xlink:href")
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Assert.False(value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal),
                        $"{element.TagName} {attribute.Name}={attribute.Value}");
                }

                if (attribute.Name == "style")
                {
                    Assert.DoesNotContain("expression", attribute.Value, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("javascript", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
