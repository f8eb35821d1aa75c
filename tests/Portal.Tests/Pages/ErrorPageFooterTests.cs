namespace Portal.Tests.Pages;

/// <summary>The footer of an error page, which the site renders by re-executing the request at <c>/error/{code}</c>.</summary>
public sealed class ErrorPageFooterTests(SeededPortalFixture portal) : IClassFixture<SeededPortalFixture>
{
    [Fact]
    public async Task ErrorReportLink_On404Page_ReportsTheBrokenAddressNotTheErrorPage()
    {
        var (response, document) = await portal.Factory.GetDocumentAsync("/xinwen/nosuchchild?from=link");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var errorReport = document.QuerySelector("footer")!.QuerySelectorAll("a")
            .Single(a => a.TextContent.Trim() == "政府网站找错").GetAttribute("href")!;
        Assert.Contains("url=" + Uri.EscapeDataString("http://localhost/xinwen/nosuchchild?from=link"), errorReport, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString("/error/"), errorReport, StringComparison.Ordinal);
    }
}
