using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Admin.Site;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// What cannot be bound (a word in a number field, a date that is not one, a date outside what the
/// site keeps) is a Chinese message beside the field, never a 500 or an English sentence.
/// </summary>
public sealed class BindingMessageTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    [Fact]
    public async Task ArticleForm_WordInNumberFieldAndBadDate_ChineseMessagesBesideTheFields()
    {
        var form = EditorialFixture.ArticleForm("标题", 1, "正文", publishedAtLocal: "下周一");
        form["Input.SectionId"] = "新闻";

        var (response, document) = await EditorialFixture.PostAsync(fixture.Admin, "/admin/articles/create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertChinese(FieldError(document, "Input.SectionId"));
        AssertChinese(FieldError(document, "Input.PublishedAt"));
        Assert.Contains("下周一", FieldError(document, "Input.PublishedAt"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01T00:00")]
    [InlineData("1900-01-01T00:00")]
    [InlineData("1999-12-31T23:59")]
    [InlineData("2101-01-01T00:00")]
    [InlineData("9999-12-31T23:59")]
    public async Task ArticleForm_PublishDateOutOfRange_ChineseMessageNot500(string publishedAt)
    {
        var form = EditorialFixture.ArticleForm("标题", 1, "正文", publishedAtLocal: publishedAt);

        var (response, document) = await EditorialFixture.PostAsync(fixture.Admin, "/admin/articles/create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = FieldError(document, "Input.PublishedAt");
        AssertChinese(message);
        Assert.Contains("2000-01-01", message, StringComparison.Ordinal);
        Assert.Contains("2100-12-31", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999-09-09T21:59")]
    [InlineData("abc")]
    [InlineData("2024-02-30T10:00")]
    [InlineData("2024-13-01T10:00")]
    public async Task ArticleForm_PublishDateThatIsNotOne_ChineseMessageNamingTheValue(string publishedAt)
    {
        var form = EditorialFixture.ArticleForm("标题", 1, "正文", publishedAtLocal: publishedAt);

        var (response, document) = await EditorialFixture.PostAsync(fixture.Admin, "/admin/articles/create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = FieldError(document, "Input.PublishedAt");
        AssertChinese(message);
        Assert.Contains(publishedAt, message, StringComparison.Ordinal);
        Assert.DoesNotContain("not valid", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2000-01-01T00:00")]
    [InlineData("2100-12-31T23:59")]
    public async Task ArticleForm_PublishDateAtTheLimits_Accepted(string publishedAt)
    {
        var sectionId = await TestContent.AddSectionAsync(fixture.Factory, "边界栏目" + publishedAt[..4], "边界", "bianjie" + publishedAt[..4]);
        var form = EditorialFixture.ArticleForm("边界日期", sectionId, "正文", publishedAtLocal: publishedAt);

        var (response, document) = await EditorialFixture.PostAsync(fixture.Admin, "/admin/articles/create", form);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, document.QuerySelector(".field-error, .form-errors")?.TextContent);
    }

    [Fact]
    public async Task Schedule_DateOutOfRange_IsRefusedInChinese()
    {
        var sectionId = await TestContent.AddSectionAsync(fixture.Factory, "定时栏目", "定时", "dingshi");
        var id = await EditorialFixture.CreateAsync(fixture.Admin, EditorialFixture.ArticleForm("定时文章", sectionId, "正文", command: "submit"));

        var (response, _) = await EditorialFixture.PostAsync(fixture.Admin, $"/admin/articles/schedule/{id}", EditorialFixture.V(1, ("publishAt", "9999-12-31T23:59")));
        var (_, edit) = await fixture.Factory.GetDocumentAsync(response.Headers.Location!.OriginalString, fixture.Admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("2000-01-01", edit.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999-09-09T21:59")]
    [InlineData("1900-01-01T00:00")]
    [InlineData("9999-12-31T23:59")]
    [InlineData("abc")]
    public async Task Schedule_DateNotOneOrOutOfRange_RefusedInChinese(string publishAt)
    {
        var sectionId = await TestContent.AddSectionAsync(fixture.Factory, "定时栏目" + publishAt.GetHashCode(StringComparison.Ordinal), "定时", "dingshi-" + (uint)publishAt.GetHashCode(StringComparison.Ordinal));
        var id = await EditorialFixture.CreateAsync(fixture.Admin, EditorialFixture.ArticleForm("定时文章", sectionId, "正文", command: "submit"));

        var (response, _) = await EditorialFixture.PostAsync(fixture.Admin, $"/admin/articles/schedule/{id}", EditorialFixture.V(1, ("publishAt", publishAt)));
        var (_, edit) = await fixture.Factory.GetDocumentAsync(response.Headers.Location!.OriginalString, fixture.Admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertChinese(edit.QuerySelector(".form-errors")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/admin/audit?From=0001-01-01&To=9999-12-31", "From")]
    [InlineData("/admin/audit?From=1900-01-01", "From")]
    [InlineData("/admin/audit?To=9999-12-31", "To")]
    [InlineData("/admin/audit?From=99999-09-09", "From")]
    [InlineData("/admin/audit?To=2101-01-01", "To")]
    [InlineData("/admin/audit?From=abc", "From")]
    [InlineData("/admin/audit?To=2024-02-30", "To")]
    public async Task AuditFilter_BadOrOutOfRangeDate_ChineseMessageNot500(string url, string field)
    {
        var (response, document) = await fixture.Factory.GetDocumentAsync(url, fixture.Admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertChinese(FieldError(document, field));
        Assert.NotNull(document.QuerySelector("table.audit-log"));
    }

    private static string FieldError(IDocument document, string field) =>
        document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim()
            ?? throw new InvalidOperationException($"no message slot for {field}");

    /// <summary>A Chinese sentence: no English words outside the quoted value the user typed.</summary>
    private static void AssertChinese(string message)
    {
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", message);
        Assert.DoesNotMatch("[A-Za-z]{3,}", Regex.Replace(message, "“[^”]*”", ""));
    }
}
