using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Articles;
using Portal.Core.Inspection;
using Portal.Core.Site;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Inspection;

/// <summary>
/// <c>broken-link</c> for the site's own addresses: articles missing or not visible, section paths
/// that do not exist, missing media files; in article bodies (their Markdown) and footer links.
/// </summary>
public sealed class BrokenLinkRuleTests : IAsyncLifetime
{
    private static readonly DateTime Past = new(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly PortalFactory _factory = PortalFactory.Empty();

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/articles/nosuchkey", "文章不存在")]
    [InlineData("/articles/draftkey", "读者看不到")]
    [InlineData("/nosuchsection/below", "栏目不存在")]
    [InlineData("/media/0123456789abcdef0123456789abcdef.png", "媒体文件不存在")]
    public async Task BrokenLink_InternalTargetMissing_AWarningNamingIt(string target, string problem)
    {
        var id = await ArrangeAsync($"见[链接]({target})。");

        var finding = Assert.Single(await FindAsync());

        Assert.Equal("broken-link", finding.Rule);
        Assert.Equal(InspectionLevel.Warning, finding.Level);
        Assert.Equal($"/admin/articles/edit/{id}", finding.Url);
        Assert.Contains(target, finding.Message, StringComparison.Ordinal);
        Assert.Contains(problem, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenLink_EveryTargetFine_NoFinding()
    {
        await ArrangeAsync("见[文章](/articles/livekey)、[栏目](/yaowen)、[首页](/)、[搜索](/search?q=x)、<https://www.gov.cn/> 与 [邮件](mailto:a@example.gov.cn)。");
        await AddFooterLinkAsync("要闻", "/yaowen");

        Assert.Empty(await FindAsync());
    }

    [Fact]
    public async Task BrokenLink_FooterLinkToAMissingArticle_LinksToTheFooterEditor()
    {
        await ArrangeAsync("正文");
        await AddFooterLinkAsync("旧文章", "/articles/gone");

        var finding = Assert.Single(await FindAsync());

        Assert.Equal("/admin/footerlinks", finding.Url);
        Assert.Equal("旧文章", finding.Subject);
    }

    [Fact]
    public async Task BrokenLink_ABodyOnlyLinkingToAHiddenArticle_IsNotItselfChecked()
    {
        // Only what readers can follow counts: the draft's own broken link is not reported.
        await ArrangeAsync("正文", draftBody: "[坏链](/articles/nosuchkey)");

        Assert.Empty(await FindAsync());
    }

    [Fact]
    public async Task BrokenLink_ExternalAddressStoredAsBroken_ReportedWithoutAskingAgain()
    {
        var id = await ArrangeAsync("见[外链](https://broken.example.gov.cn/page)和[好链](https://fine.example.gov.cn/)。");
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await _factory.WithDbAsync(async db =>
        {
            db.LinkChecks.Add(new LinkCheck { Url = "https://broken.example.gov.cn/page", Ok = false, StatusCode = 404, Problem = "服务器返回 404", CheckedAt = now });
            db.LinkChecks.Add(new LinkCheck { Url = "https://fine.example.gov.cn/", Ok = true, StatusCode = 200, CheckedAt = now });

            // Older than the cache time: no longer counts.
            db.LinkChecks.Add(new LinkCheck { Url = "https://old.example.gov.cn/", Ok = false, Problem = "无法连接", CheckedAt = now.AddDays(-2) });
            return await db.SaveChangesAsync();
        });

        var finding = Assert.Single(await FindAsync());

        Assert.Equal($"/admin/articles/edit/{id}", finding.Url);
        Assert.Contains("https://broken.example.gov.cn/page（服务器返回 404）", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fine.example", finding.Message, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Finding>> FindAsync() =>
        (await _factory.WithScopeAsync(sp => sp.GetRequiredService<BrokenLinkRule>().FindAsync(checkExternal: false))).ToList();

    /// <summary>A section 要闻 (/yaowen) with a visible article whose body is <paramref name="body"/>, a second visible one (livekey) and a draft (draftkey); the first one's id.</summary>
    private Task<int> ArrangeAsync(string body, string draftBody = "正文") =>
        _factory.WithDbAsync(async db =>
        {
            var section = TestContent.Section("要闻", "要闻", "yaowen");
            var article = TestContent.Article("sourcekey", "来源文章", section, Past);
            article.BodyMarkdown = body;
            db.Articles.Add(article);
            db.Articles.Add(TestContent.Article("livekey", "已发布文章", section, Past));
            var draft = TestContent.Article("draftkey", "草稿", section, Past, ArticleStatus.Draft);
            draft.BodyMarkdown = draftBody;
            db.Articles.Add(draft);
            await db.SaveChangesAsync();
            return article.Id;
        });

    private Task<int> AddFooterLinkAsync(string text, string url) =>
        _factory.WithDbAsync(async db =>
        {
            var group = new FooterLinkGroup { Name = "相关链接" };
            group.Links.Add(new FooterLink { Text = text, Url = url });
            db.FooterLinkGroups.Add(group);
            return await db.SaveChangesAsync();
        });
}
