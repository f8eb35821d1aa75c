using Portal.Core.Articles;
using Portal.Core.Sections;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>A long list links the first and last pages and two on each side of the current one.</summary>
public sealed class PagerWindowTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = PortalFactory.Empty();

    public async Task InitializeAsync()
    {
        _ = _factory.Services;
        await _factory.WithDbAsync(async db =>
        {
            var now = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var section = new Section { Name = "通知公告", MenuLabel = "通知", Slug = "tongzhi", CreatedAt = now, UpdatedAt = now };
            db.Sections.Add(section);
            db.Articles.AddRange(Enumerable.Range(1, 250).Select(i => new Article
            {
                UrlKey = $"n{i:D3}",
                Title = $"通知{i}",
                Section = section,
                Source = "办公室",
                PublishedAt = now.AddHours(i),
                BodyMarkdown = "正文",
                BodyHtml = "<p>正文</p>",
                Status = ArticleStatus.Published,
                CreatedAt = now,
                UpdatedAt = now,
            }));
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Pager_InTheMiddleOfThirteenPages_ShowsAWindowWithGaps()
    {
        var (_, document) = await _factory.GetDocumentAsync("/tongzhi?page=7");
        var items = document.QuerySelectorAll("nav.pager li").Select(li => li.TextContent.Trim()).ToList();

        Assert.Equal(["上一页", "1", "…", "5", "6", "7", "8", "9", "…", "13", "下一页"], items);
    }

    [Fact]
    public async Task Pager_OnTheFirstPage_HasNoPreviousLink()
    {
        var (_, document) = await _factory.GetDocumentAsync("/tongzhi");
        var items = document.QuerySelectorAll("nav.pager li").Select(li => li.TextContent.Trim()).ToList();

        Assert.Equal(["1", "2", "3", "…", "13", "下一页"], items);
    }
}
