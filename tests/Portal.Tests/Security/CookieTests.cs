using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Tests.Admin.Site;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>Over HTTPS every cookie the portal sets is Secure: antiforgery, TempData, 字号, the login cookie.</summary>
public sealed class CookieTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    [Fact]
    public async Task EveryCookie_OverHttps_IsSecure()
    {
        using var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        var cookies = new List<string>();

        cookies.AddRange(SetCookies(await client.GetAsync("/admin/account/login")));
        cookies.AddRange(SetCookies(await StaffAccounts.PostLoginAsync(client, "site-editor", StaffAccounts.Password)));
        cookies.AddRange(SetCookies(await client.GetAsync("/font-size/large?returnUrl=%2F")));
        cookies.AddRange(SetCookies(await UploadAsync(client)));

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("portal-font-size=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client)
    {
        // A successful upload leaves its message (图片已上传) in the TempData cookie.
        var token = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/media");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestContent.TinyPng);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "tiny.png");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.PostAsync("/admin/media/upload", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
