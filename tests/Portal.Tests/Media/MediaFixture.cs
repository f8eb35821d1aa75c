using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Articles;
using Portal.Core.Site;
using Portal.Tests.Admin.Site;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Media;

/// <summary>A portal with staff signed in, a section, and helpers to upload and to publish articles that use files.</summary>
public class MediaFixture : SiteAdminFixture
{
    public int SectionId { get; private set; }

    public string AdminId { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        AdminId = await WithDbAsync(db => db.Users.Where(u => u.UserName == "site-admin").Select(u => u.Id).SingleAsync());
        SectionId = await WithDbAsync(async db =>
        {
            var section = TestContent.Section("新闻中心", "新闻", "xinwen");
            db.Sections.Add(section);
            await db.SaveChangesAsync();
            return section.Id;
        });
    }

    /// <summary>Uploads through the script's endpoint (contract C2) and returns the response.</summary>
    public static async Task<HttpResponseMessage> UploadJsonAsync(HttpClient client, byte[] content, string fileName)
    {
        var token = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/media");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // filename* (RFC 5987) carries any name, quotes and semicolons included, as browsers send it.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = fileName };
        form.Add(file);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/media/upload") { Content = form };
        request.Headers.Add("X-Requested-With", "fetch");
        return await client.SendAsync(request);
    }

    /// <summary>Uploads and returns the picker item's JSON (the upload must succeed).</summary>
    public async Task<JsonElement> UploadAsync(byte[] content, string fileName)
    {
        var response = await UploadJsonAsync(Editor, content, fileName);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private EditorialActor Actor => new(AdminId, CanReview: true, IsAdmin: true);

    public Task<CommandResult> CreateAsync(string body, int? cover = null, string title = "测试稿件") =>
        Factory.WithScopeAsync(s => s.GetRequiredService<EditorialService>().CreateAsync(Actor,
            new ArticleFields { Title = title, SectionId = SectionId, Source = "本网", BodyMarkdown = body, CoverImageId = cover }, submit: false));

    private Task<int> VersionAsync(int id) => WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    public async Task PublishAsync(int id)
    {
        var version = await VersionAsync(id);
        var result = await Factory.WithScopeAsync(s => s.GetRequiredService<EditorialService>().ForcePublishAsync(Actor, id, version, "测试发布", null));
        Assert.True(result.Succeeded, result.Message);
    }

    public async Task WithdrawAsync(int id)
    {
        var version = await VersionAsync(id);
        var result = await Factory.WithScopeAsync(s => s.GetRequiredService<EditorialService>().WithdrawAsync(Actor, id, version));
        Assert.True(result.Succeeded, result.Message);
    }
}
