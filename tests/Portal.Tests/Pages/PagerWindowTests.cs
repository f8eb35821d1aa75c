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
            var section = TestContent.Section("通知公告", "通知", "tongzhi");
            db.Sections.Add(section);
            db.Articles.AddRange(Enumerable.Range(1, 250).Select(i => TestContent.Article($"n{i:D3}", $"通知{i}", section, TestContent.Epoch.AddHours(i))));
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
