using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Articles;

/// <summary>
/// A portal with an empty store, two sections and one account per role (plus an editor limited to
/// one section), whose clock is a <see cref="FakeTimeProvider"/> the tests move. The background
/// scheduler is switched off through configuration, so tests drive <see cref="ScheduledPublisher"/>.
/// </summary>
public sealed class EditorialFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 5, 1, 2, 0, 0, TimeSpan.Zero));

    public EditorialPortalFactory Factory { get; }

    public int NewsId { get; private set; }

    public int NoticesId { get; private set; }

    public EditorialFixture()
    {
        Factory = new EditorialPortalFactory(Time);
    }

    public async Task InitializeAsync()
    {
        _ = Factory.Services;
        await Factory.WithDbAsync(async db =>
        {
            var news = TestContent.Section("新闻中心", "新闻", "xinwen");
            var notices = TestContent.Section("通知公告", "通知", "tongzhi");
            db.Sections.AddRange(news, notices);
            await db.SaveChangesAsync();
            NewsId = news.Id;
            NoticesId = notices.Id;
            return 0;
        });
        await CreateUserAsync("editor", "编辑甲", PortalRoles.Editor);
        await CreateUserAsync("editor2", "编辑乙", PortalRoles.Editor);
        await CreateUserAsync("reviewer", "审核甲", PortalRoles.Reviewer);
        await CreateUserAsync("reviewer2", "审核乙", PortalRoles.Reviewer);
        await CreateUserAsync("admin", "管理员甲", PortalRoles.Admin);
        var limited = await CreateUserAsync("limited", "限栏目编辑", PortalRoles.Editor);
        await Factory.WithDbAsync(db =>
        {
            db.UserSections.Add(new UserSection { UserId = limited, SectionId = NoticesId });
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    private Task<string> CreateUserAsync(string userName, string displayName, string role) =>
        StaffAccounts.CreateAsync(Factory, userName, role, displayName: displayName);

    /// <summary>A client signed in as <paramref name="userName"/> through the real login form.</summary>
    public Task<HttpClient> LoginAsync(string userName) => StaffAccounts.SignInAsync(Factory, userName);

    /// <summary>POSTs a form with an antiforgery token taken from the create page.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Document)> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/articles/create");
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        return (response, await PortalFactory.ParseAsync(response));
    }

    public static Dictionary<string, string> ArticleForm(string title, int sectionId, string body, int version = 0, string command = "save", string source = "测试来源", string? summary = null, string? keywords = null, string? publishedAtLocal = null) => new()
    {
        ["Input.Title"] = title,
        ["Input.SectionId"] = sectionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Source"] = source,
        ["Input.Summary"] = summary ?? "",
        ["Input.Keywords"] = keywords ?? "",
        ["Input.PublishedAt"] = publishedAtLocal ?? "",
        ["Input.CoverImageId"] = "",
        ["Input.BodyMarkdown"] = body,
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["command"] = command,
    };

    /// <summary>The fields of a workflow button's form: the version the page was loaded with, and more.</summary>
    public static Dictionary<string, string> V(int version, params (string Key, string Value)[] more)
    {
        var fields = new Dictionary<string, string> { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in more)
        {
            fields[key] = value;
        }

        return fields;
    }

    /// <summary>Creates an article through the form; returns its id.</summary>
    public static async Task<int> CreateAsync(HttpClient client, Dictionary<string, string> form)
    {
        var (response, document) = await PostAsync(client, "/admin/articles/create", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, document.Body?.TextContent);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/articles/edit/", location, StringComparison.Ordinal);
        return int.Parse(location["/admin/articles/edit/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<Article> ArticleAsync(int id) =>
        Factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    public Task<List<Portal.Core.Audit.AuditEntry>> AuditAsync(int id) =>
        Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetType == "article" && e.TargetId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Runs one pass of the scheduler, as the hosted service would.</summary>
    public Task<int> PublishDueAsync() =>
        Factory.WithScopeAsync(services => services.GetRequiredService<ScheduledPublisher>().PublishDueAsync());
}

/// <summary>The portal factory with the fake clock in place of the system one (the only service replaced).</summary>
public sealed class EditorialPortalFactory(FakeTimeProvider time)
    : PortalFactory(new Dictionary<string, string?> { ["Import:SeedOnStartup"] = "false", ["Publishing:Enabled"] = "false" })
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
    }
}
