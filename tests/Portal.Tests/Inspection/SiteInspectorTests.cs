using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Articles;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Inspection;
using Portal.Core.Sections;
using Portal.Core.Site;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Inspection;

/// <summary>
/// Each inspection rule on a store built for it, with a fake clock: a store that breaks the rule
/// and one that does not, thresholds at their boundary.
/// </summary>
public sealed class SiteInspectorTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2030, 6, 1, 4, 0, 0, DateTimeKind.Utc);

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
    [InlineData(13.9, false)]
    [InlineData(14.0, false)]
    [InlineData(14.1, true)]
    public async Task HomeStale_NewestArticleAge_VetoPastFourteenDays(double ageDays, bool stale)
    {
        var news = await AddSectionAsync("要闻", SectionKind.List, SectionUpdateClass.Other);
        await AddArticleAsync(news, Now.AddDays(-ageDays));

        var findings = await InspectAsync();

        var home = findings.Where(f => f.Rule == "home-stale").ToList();
        Assert.Equal(stale, home.Count == 1);
        Assert.All(home, f => Assert.Equal(InspectionLevel.Veto, f.Level));
    }

    [Fact]
    public async Task HomeStale_AnArticleDatedLater_DoesNotCountYet()
    {
        var news = await AddSectionAsync("要闻", SectionKind.List, SectionUpdateClass.Other);
        await AddArticleAsync(news, Now.AddDays(-20));
        await AddArticleAsync(news, Now.AddDays(1));

        Assert.Contains(await InspectAsync(), f => f.Rule == "home-stale");
    }

    [Fact]
    public async Task HomeStale_Message_GivesTheDayInTheSiteTimeZone_NotAMidnightTime()
    {
        // 2030-05-10 20:00 UTC is 2030-05-11 04:00 in Beijing.
        var news = await AddSectionAsync("要闻", SectionKind.List, SectionUpdateClass.News);
        await AddArticleAsync(news, new DateTime(2030, 5, 10, 20, 0, 0, DateTimeKind.Utc));

        var findings = await InspectAsync();

        var home = Assert.Single(findings, f => f.Rule == "home-stale");
        Assert.Contains("发布于 2030-05-11（北京时间）", home.Message);
        Assert.Contains(findings, f => f.Rule == "section-stale" && f.Message.Contains("发布于 2030-05-11（北京时间）", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(4, InspectionLevel.Warning)]
    [InlineData(5, InspectionLevel.Veto)]
    public async Task SectionEmpty_FiveEmptyListSectionsAreAVeto_FourAWarning(int emptyCount, InspectionLevel level)
    {
        for (var i = 0; i < emptyCount; i++)
        {
            await AddSectionAsync($"空栏目{i}", SectionKind.List, SectionUpdateClass.Other);
        }

        // Not counted: a hidden-while-empty list, a link, and a list with a fresh article.
        await AddSectionAsync("隐藏栏目", SectionKind.List, SectionUpdateClass.Other, hideWhenEmpty: true);
        await AddSectionAsync("外部链接", SectionKind.Link, SectionUpdateClass.Other, linkUrl: "https://www.gov.cn/");
        var full = await AddSectionAsync("有内容", SectionKind.List, SectionUpdateClass.News);
        await AddArticleAsync(full, Now.AddDays(-1));

        var empty = (await InspectAsync()).Where(f => f.Rule == "section-empty").ToList();

        Assert.Equal(emptyCount, empty.Count);
        Assert.All(empty, f => Assert.Equal(level, f.Level));
        Assert.All(empty, f => Assert.StartsWith("空栏目", f.Subject, StringComparison.Ordinal));
        Assert.All(empty, f => Assert.Matches(@"^/admin/sections/edit/\d+$", f.Url));
    }

    [Fact]
    public async Task SectionEmpty_AParentWhoseChildHasArticles_IsNotEmpty()
    {
        var parent = await AddSectionAsync("新闻中心", SectionKind.List, SectionUpdateClass.Other);
        var child = await AddSectionAsync("地方动态", SectionKind.List, SectionUpdateClass.Other, parentId: parent);
        await AddArticleAsync(child, Now.AddDays(-1));

        Assert.DoesNotContain(await InspectAsync(), f => f.Rule == "section-empty");
    }

    [Theory]
    [InlineData(SectionUpdateClass.News, 14.5, true)]
    [InlineData(SectionUpdateClass.News, 13.5, false)]
    [InlineData(SectionUpdateClass.Notice, 150, false)]
    [InlineData(SectionUpdateClass.Notice, 181, true)]
    [InlineData(SectionUpdateClass.Policy, 181, true)]
    [InlineData(SectionUpdateClass.Other, 1000, false)]
    public async Task SectionStale_ThresholdDependsOnTheUpdateClass(SectionUpdateClass updateClass, double ageDays, bool stale)
    {
        var section = await AddSectionAsync("栏目", SectionKind.List, updateClass);
        await AddArticleAsync(section, Now.AddDays(-ageDays));

        var findings = (await InspectAsync()).Where(f => f.Rule == "section-stale").ToList();

        Assert.Equal(stale, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal(InspectionLevel.Warning, f.Level));
    }

    [Theory]
    [InlineData(4, InspectionLevel.Warning)]
    [InlineData(5, InspectionLevel.Veto)]
    public async Task SectionStale_FiveStaleNewsSectionsAreAVeto(int staleCount, InspectionLevel level)
    {
        for (var i = 0; i < staleCount; i++)
        {
            var section = await AddSectionAsync($"动态{i}", SectionKind.List, SectionUpdateClass.News);
            await AddArticleAsync(section, Now.AddDays(-30));
        }

        var fresh = await AddSectionAsync("要闻", SectionKind.List, SectionUpdateClass.News);
        await AddArticleAsync(fresh, Now.AddDays(-1));

        var stale = (await InspectAsync()).Where(f => f.Rule == "section-stale").ToList();
        Assert.Equal(staleCount, stale.Count);
        Assert.All(stale, f => Assert.Equal(level, f.Level));
    }

    [Fact]
    public async Task SectionStale_TenStaleSectionsOfAnyClassAreAVeto()
    {
        for (var i = 0; i < 10; i++)
        {
            var section = await AddSectionAsync($"通知{i}", SectionKind.List, i < 4 ? SectionUpdateClass.News : SectionUpdateClass.Notice);
            await AddArticleAsync(section, Now.AddDays(-200));
        }

        var stale = (await InspectAsync()).Where(f => f.Rule == "section-stale").ToList();
        Assert.Equal(10, stale.Count);
        Assert.All(stale, f => Assert.Equal(InspectionLevel.Veto, f.Level));
    }

    [Fact]
    public async Task IdentityMissing_EachItemWhileUnset_NoneWhenComplete()
    {
        await _factory.WithDbAsync(async db =>
        {
            db.SiteSettings.Add(new SiteSettings { SiteName = "测试网站", Email = "a@example.gov.cn" });
            return await db.SaveChangesAsync();
        });

        var missing = (await InspectAsync(baseUrl: null)).Where(f => f.Rule == "identity-missing").Select(f => f.Subject).ToList();
        Assert.Equal(["网站标识码", "主办单位", "ICP备案号", "公安机关备案号", "党政机关网站标识", "网站地址（Site:BaseUrl）"], missing);

        await _factory.WithDbAsync(async db =>
        {
            var settings = db.SiteSettings.Single();
            settings.SiteCode = "1100000001";
            settings.Sponsor = "某某市人民政府";
            settings.IcpNumber = "京ICP备05048973号";
            settings.PublicSecurityNumber = "京公网安备 11040102700045号";
            settings.GovBadgeUrl = "https://bszs.conac.cn/sitename?method=show&id=1";
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await InspectAsync(), f => f.Rule == "identity-missing");
    }

    [Fact]
    public async Task PlaceholderLinksAndMissingAlt_InBodiesFooterAndLinkSections()
    {
        var section = await AddSectionAsync("要闻", SectionKind.List, SectionUpdateClass.News);
        var bad = await AddArticleAsync(section, Now.AddDays(-1), "<p><a href=\"#\">详情</a> <a href=\"javascript:void(0)\">打开</a> <img src=\"/media/a.jpg\" alt=\"\"><img src=\"/media/b.jpg\"></p>");
        await AddArticleAsync(section, Now.AddDays(-1), "<p><a href=\"https://www.gov.cn/\">中国政府网</a> <img src=\"/media/c.jpg\" alt=\"会场\"></p>");
        await AddSectionAsync("空链接", SectionKind.Link, SectionUpdateClass.Other, linkUrl: " javascript:alert(1)");
        await _factory.WithDbAsync(async db =>
        {
            db.FooterLinkGroups.Add(new FooterLinkGroup
            {
                Name = "相关链接",
                Links = [new FooterLink { Text = "占位", Url = "#" }, new FooterLink { Text = "纯文字", Url = null }, new FooterLink { Text = "中国政府网", Url = "https://www.gov.cn/" }],
            });
            return await db.SaveChangesAsync();
        });

        var findings = await InspectAsync();

        var placeholders = findings.Where(f => f.Rule == "placeholder-link").ToList();
        Assert.Equal(3, placeholders.Count);
        Assert.Contains(placeholders, f => f.Url == $"/admin/articles/edit/{bad}" && f.Message.Contains("2 个无效链接", StringComparison.Ordinal));
        Assert.Contains(placeholders, f => f.Subject == "占位" && f.Url == "/admin/footerlinks");
        Assert.Contains(placeholders, f => f.Subject == "空链接");
        var alt = Assert.Single(findings, f => f.Rule == "image-alt-missing");
        Assert.Contains("2 张图片", alt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishDateEdited_ForAPublishedArticle_FromTheAuditLog()
    {
        var section = await AddSectionAsync("要闻", SectionKind.List, SectionUpdateClass.News);
        var redated = await AddArticleAsync(section, Now.AddDays(-1));
        var withdrawn = await AddArticleAsync(section, Now.AddDays(-1), status: ArticleStatus.Withdrawn);
        await _factory.WithDbAsync(async db =>
        {
            foreach (var id in new[] { redated, withdrawn })
            {
                db.AuditEntries.Add(new AuditEntry { At = Now.AddHours(-1), UserName = "editor", Action = AuditActions.ArticlePublishDateChange, TargetType = "article", TargetId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Details = "发布日期：2030-05-01 → 2030-04-01" });
            }

            return await db.SaveChangesAsync();
        });

        var finding = Assert.Single(await InspectAsync(), f => f.Rule == "publish-date-edited");
        Assert.Equal($"/admin/articles/edit/{redated}", finding.Url);
        Assert.Contains("2030-05-01 → 2030-04-01", finding.Message, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Finding>> InspectAsync(string? baseUrl = "https://www.example.gov.cn")
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var siteOptions = Options.Create(new SiteOptions { BaseUrl = baseUrl });
        var inspector = new SiteInspector(db, new FakeTimeProvider(new DateTimeOffset(Now)), new SiteClock(siteOptions), Options.Create(new InspectionOptions()), siteOptions);
        return await inspector.RunAsync();
    }

    private Task<int> AddSectionAsync(string name, SectionKind kind, SectionUpdateClass updateClass, bool hideWhenEmpty = false, string? linkUrl = null, int? parentId = null) =>
        _factory.WithDbAsync(async db =>
        {
            var section = new Section
            {
                Name = name, MenuLabel = name, Slug = "s" + Guid.NewGuid().ToString("N")[..8], ParentId = parentId,
                Kind = kind, UpdateClass = updateClass, HideWhenEmpty = hideWhenEmpty, LinkUrl = linkUrl,
                CreatedAt = Now, UpdatedAt = Now,
            };
            db.Sections.Add(section);
            await db.SaveChangesAsync();
            return section.Id;
        });

    private Task<int> AddArticleAsync(int sectionId, DateTime publishedAt, string bodyHtml = "<p>正文</p>", ArticleStatus status = ArticleStatus.Published) =>
        _factory.WithDbAsync(async db =>
        {
            var article = new Article
            {
                UrlKey = Guid.NewGuid().ToString("N")[..16], Title = "文章" + Guid.NewGuid().ToString("N")[..4], SectionId = sectionId,
                PublishedAt = publishedAt, Source = "本网", BodyMarkdown = "正文", BodyHtml = bodyHtml, Status = status,
                CreatedAt = publishedAt, UpdatedAt = publishedAt,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
}
