using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Tests.Pages;

/// <summary>The 字号 switch without JavaScript: a link, a cookie, and the next pages in the chosen size.</summary>
public sealed class FontSizeTests(SeededPortalFixture portal) : IClassFixture<SeededPortalFixture>
{
    [Fact]
    public async Task FontSizeLink_WithoutJavaScript_SetsCookieAndReturnsToThePage()
    {
        var client = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (_, article) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl, client);
        var large = article.QuerySelectorAll(".font-size-switch a").Single(a => a.TextContent.Trim() == "大").GetAttribute("href")!;

        var response = await client.GetAsync(large);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(portal.ArticleUrl, response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("portal-font-size=large;", cookie);
        Assert.Contains("path=/", cookie);
    }

    [Fact]
    public async Task ChosenFontSize_IsRememberedAcrossPages()
    {
        // The test client keeps cookies, as a browser does.
        var client = portal.Factory.CreateClient();
        await client.GetAsync("/font-size/large?returnUrl=%2F");

        var (_, article) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl, client);
        var (_, home) = await portal.Factory.GetDocumentAsync("/", client);

        Assert.Equal("fs-large", article.DocumentElement.ClassName);
        Assert.Equal("大", article.QuerySelector(".font-size-switch a[aria-current]")!.TextContent.Trim());
        Assert.Equal("fs-large", home.DocumentElement.ClassName);

        await client.GetAsync("/font-size/small?returnUrl=%2F");
        var (_, again) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl, client);
        Assert.Equal("fs-small", again.DocumentElement.ClassName);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task FontSizeLink_WithForeignReturnUrl_GoesHomeInstead(string returnUrl)
    {
        var client = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/font-size/small?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task UnknownCookieValue_FallsBackToMedium()
    {
        var client = portal.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", "portal-font-size=<script>");

        var (_, article) = await portal.Factory.GetDocumentAsync(portal.ArticleUrl, client);

        Assert.Equal("fs-medium", article.DocumentElement.ClassName);
    }
}
