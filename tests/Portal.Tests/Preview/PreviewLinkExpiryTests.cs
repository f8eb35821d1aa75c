using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Preview;

/// <summary>Expiry, on a fixture of its own because it moves the clock.</summary>
public sealed class PreviewLinkExpiryTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task Link_PastItsLifetime_Is410WithTheChineseMessage()
    {
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(reviewer, ArticleForm("过期稿件", fixture.NewsId, "正文"));
        var shortLived = await PreviewLinks.CreateAsync(fixture, reviewer, id, hours: "1");
        var longLived = await PreviewLinks.CreateAsync(fixture, reviewer, id);
        var anonymous = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(shortLived)).StatusCode);

        fixture.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(shortLived)).StatusCode);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var expired = await anonymous.GetAsync(shortLived);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("no-store", expired.Headers.CacheControl!.ToString());
        Assert.Equal("预览链接已过期", (await PortalFactory.ParseAsync(expired)).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(longLived)).StatusCode);

        fixture.Time.Advance(TimeSpan.FromHours(71));
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.GetAsync(longLived)).StatusCode);

        // The edit page lists both as expired, with no 撤销 button.
        var admin = await fixture.LoginAsync("admin");
        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{id}", admin);
        var rows = page.QuerySelectorAll("tr[data-preview-link]");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Contains("已过期", r.TextContent, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Null(r.QuerySelector("button")));
    }
}
