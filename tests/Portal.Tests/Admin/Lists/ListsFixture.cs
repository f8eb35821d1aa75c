using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Tests.Admin.Articles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Lists;

/// <summary>
/// A portal with three sections (新闻中心 and 通知公告 with one review level, 政务公开 with three),
/// one account per role, and an editor and a reviewer limited to 通知公告. Tests add their own
/// articles and tell them apart by a word of their own in the title.
/// </summary>
public sealed class ListsFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 5, 1, 2, 0, 0, TimeSpan.Zero));

    public EditorialPortalFactory Factory { get; }

    public int NewsId { get; private set; }

    public int NoticesId { get; private set; }

    public int GovId { get; private set; }

    public Dictionary<string, string> UserIds { get; } = [];

    private readonly Dictionary<string, HttpClient> _clients = [];

    public ListsFixture()
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
            var gov = TestContent.Section("政务公开", "政务", "zhengwu");
            gov.ReviewLevels = 3;
            db.Sections.AddRange(news, notices, gov);
            await db.SaveChangesAsync();
            NewsId = news.Id;
            NoticesId = notices.Id;
            GovId = gov.Id;
            return 0;
        });
        await CreateUserAsync("editor", "编辑甲", PortalRoles.Editor);
        await CreateUserAsync("editor2", "编辑乙", PortalRoles.Editor);
        await CreateUserAsync("reviewer", "审核甲", PortalRoles.Reviewer);
        await CreateUserAsync("reviewer2", "审核乙", PortalRoles.Reviewer);
        await CreateUserAsync("admin", "管理员甲", PortalRoles.Admin);
        await CreateUserAsync("limited", "限栏目编辑", PortalRoles.Editor, NoticesId);
        await CreateUserAsync("limitedreviewer", "限栏目审核", PortalRoles.Reviewer, NoticesId);
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        Factory.Dispose();
        return Task.CompletedTask;
    }

    private async Task CreateUserAsync(string userName, string displayName, string role, int? sectionId = null) =>
        UserIds[userName] = await StaffAccounts.CreateAsync(Factory, userName, role, sectionId is { } id ? [id] : null, displayName);

    /// <summary>A client signed in as <paramref name="userName"/>, once per fixture (a test class's tests run one at a time).</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        if (!_clients.TryGetValue(userName, out var client))
        {
            client = await StaffAccounts.SignInAsync(Factory, userName);
            _clients[userName] = client;
        }

        return client;
    }

    /// <summary>Stores an article as given (no workflow); returns its id.</summary>
    public Task<int> AddAsync(
        string title,
        int sectionId,
        ArticleStatus status = ArticleStatus.Draft,
        string? author = "editor",
        string body = "正文",
        string source = "测试来源",
        string? keywords = null,
        DateTime? publishedAt = null,
        DateTime? updatedAt = null,
        ArticleStatus? pendingStatus = null,
        DateTime? submittedAt = null,
        int reviewStage = 0,
        string? lastEditor = null) =>
        Factory.WithDbAsync(async db =>
        {
            var at = updatedAt ?? Time.GetUtcNow().UtcDateTime;
            var article = new Article
            {
                UrlKey = Guid.NewGuid().ToString("N")[..12],
                Title = title,
                SectionId = sectionId,
                Source = source,
                Keywords = keywords,
                BodyMarkdown = body,
                BodyHtml = "<p>正文</p>",
                Status = status,
                PublishedAt = publishedAt ?? at,
                AuthorId = author is null ? null : UserIds[author],
                LastEditorId = UserIds.GetValueOrDefault(lastEditor ?? author ?? ""),
                PendingStatus = pendingStatus,
                SubmittedAt = submittedAt,
                ReviewStage = reviewStage,
                CreatedAt = at,
                UpdatedAt = at,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });

    public Task<Article> ArticleAsync(int id) =>
        Factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    /// <summary>GETs an admin page as <paramref name="client"/>, asserting 200.</summary>
    public async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var (response, document) = await Factory.GetDocumentAsync(url, client);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return document;
    }

    /// <summary>The titles of the list's rows, in order.</summary>
    public async Task<List<string>> TitlesAsync(HttpClient client, string url) =>
        (await PageAsync(client, url)).QuerySelectorAll("table.article-table tbody tr td:nth-child(2) a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>Posts a bulk action with the list page's own antiforgery token.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Document)> BulkAsync(HttpClient client, string command, IEnumerable<string> items, string? returnUrl = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", await StaffAccounts.AntiforgeryTokenAsync(client, "/admin/articles/create")),
            new("command", command),
        };
        fields.AddRange(items.Select(i => new KeyValuePair<string, string>("items", i)));
        if (returnUrl is not null)
        {
            fields.Add(new("returnUrl", returnUrl));
        }

        var response = await client.PostAsync("/admin/articles/bulk", new FormUrlEncodedContent(fields));
        return (response, await PortalFactory.ParseAsync(response));
    }

    public static string Item(int id, int version) => string.Create(CultureInfo.InvariantCulture, $"{id}:{version}");
}
