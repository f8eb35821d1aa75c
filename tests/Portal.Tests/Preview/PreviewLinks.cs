using System.Net;
using Portal.Tests.Admin.Articles;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Preview;

/// <summary>Creating a 预览链接 through the edit page, as a reviewer does.</summary>
public static class PreviewLinks
{
    /// <summary>Creates a link and returns its path (<c>/preview/{token}</c>), read from the edit page that shows it once.</summary>
    public static async Task<string> CreateAsync(EditorialFixture fixture, HttpClient reviewer, int articleId, string? hours = null, string? note = null)
    {
        var fields = new Dictionary<string, string>();
        if (hours is not null)
        {
            fields["hours"] = hours;
        }

        if (note is not null)
        {
            fields["note"] = note;
        }

        var (response, _) = await PostAsync(reviewer, $"/admin/articles/previewlinks/create/{articleId}", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/articles/edit/{articleId}", reviewer);
        var url = page.QuerySelector("#preview-link-url")?.GetAttribute("value");
        Assert.NotNull(url);
        return new Uri(url).AbsolutePath;
    }
}
