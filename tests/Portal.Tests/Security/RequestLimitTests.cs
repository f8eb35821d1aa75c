using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Core.Accounts;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Admin.Site;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// A form or upload past a limit (a form key over 2,048 characters, a form value over 4 MiB, a
/// body over Kestrel's 30,000,000 bytes) is 413 with a Chinese page that tells the editor the text
/// is still in the browser, not 404 (or 400) as if the page were missing.
/// </summary>
public sealed class RequestLimitTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    [Fact]
    public async Task LoginForm_WithOverLongKey_Is413()
    {
        using var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/account/login");

        var response = await client.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["UserName"] = "someone",
            [new string('k', 3000)] = "v",
        }));

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task ArticleForm_WithBodyOverTheFormValueLimit_Is413AndSavesNothing()
    {
        var before = await fixture.WithDbAsync(db => Task.FromResult(db.Articles.Count()));
        var form = EditorialFixture.ArticleForm("很长的文章", 1, new string('字', 1_500_000)); // 4.5 MB in UTF-8

        var (response, _) = await EditorialFixture.PostAsync(fixture.Editor, "/admin/articles/create", form);

        await AssertTooLargeAsync(response);
        Assert.Equal(before, await fixture.WithDbAsync(db => Task.FromResult(db.Articles.Count())));
    }

    [Fact]
    public async Task MediaUpload_OverTheServersBodyLimit_Is413OnARealServer()
    {
        // The upload endpoint raises the body limit to the attachment limit (50 MiB by default):
        // a small one here, so that 31 MB is past it.
        using var factory = PortalFactory.Empty(new Dictionary<string, string?> { ["Media:MaxAttachmentBytes"] = "1048576" });
        var address = factory.StartLoopbackServer();
        await StaffAccounts.CreateAsync(factory, "big-upload", PortalRoles.Editor);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }, disposeHandler: true) { BaseAddress = address };
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostLoginAsync(client, "big-upload", StaffAccounts.Password)).StatusCode);
        var token = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/media");

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestContent.TinyPng.Concat(new byte[31 * 1024 * 1024]).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(file, "file", "huge.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/media/upload") { Content = form };

        // As browsers do not, but so the refusal arrives before 31 MB are sent.
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task MediaUpload_AttachmentPastKestrelsDefault_IsAcceptedOnARealServer()
    {
        using var factory = PortalFactory.Empty();
        var address = factory.StartLoopbackServer();
        await StaffAccounts.CreateAsync(factory, "big-attachment", PortalRoles.Editor);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }, disposeHandler: true) { BaseAddress = address };
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostLoginAsync(client, "big-attachment", StaffAccounts.Password)).StatusCode);
        var token = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/media");

        // 31 MB: over Kestrel's default 30 000 000 bytes, within Media:MaxAttachmentBytes (50 MiB).
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.7\n"u8.ToArray().Concat(new byte[31 * 1024 * 1024]).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(file, "file", "big.pdf");
        var response = await client.PostAsync("/admin/media/upload", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        var document = await PortalFactory.ParseAsync(response);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("提交的内容过大", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("返回", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEmpty(response.Headers.GetValues("Content-Security-Policy"));
    }
}
