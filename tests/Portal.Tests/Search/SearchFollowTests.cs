using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Search;
using Portal.Tests.Admin.Articles;
using static Portal.Tests.Admin.Articles.EditorialFixture;

namespace Portal.Tests.Search;

/// <summary>
/// The index follows the editorial workflow through the change log: what readers may see is found
/// soon after the change, and nothing else is (a reader's search, polled; see
/// <see cref="SearchProbe.Patience"/> for why the 2-second target is not asserted here).
/// </summary>
public sealed class SearchFollowTests(EditorialFixture fixture) : IClassFixture<EditorialFixture>
{
    [Fact]
    public async Task Publish_ReachesSearchByItself_AndWithdraw_LeavesIt()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("葡萄沟景区开展文明旅游志愿服务", fixture.NewsId, "鄯善县葡萄沟景区组织志愿者开展文明旅游宣传。", command: "submit"));
        var key = (await fixture.ArticleAsync(id)).UrlKey;

        // Submitted, not published: a change-log row was written, and search still finds nothing.
        await SearchProbe.CaughtUpAsync(fixture.Factory);
        Assert.DoesNotContain(key, await SearchProbe.KeysAsync(fixture.Factory, "葡萄沟"));

        var (published, _) = await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var found = await SearchProbe.UntilAsync(fixture.Factory, "葡萄沟", keys => keys.Contains(key));
        Assert.True(found is not null, $"The published article was not found within {SearchProbe.Patience.TotalSeconds} s.");

        var (withdrawn, _) = await PostAsync(reviewer, $"/admin/articles/withdraw/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var gone = await SearchProbe.UntilTotalAsync(fixture.Factory, "葡萄沟", total => total == 0);
        Assert.True(gone is not null, $"The withdrawn article was still found after {SearchProbe.Patience.TotalSeconds} s.");
    }

    [Fact]
    public async Task EditOfAPublishedArticle_ReachesSearch_AndDelete_RemovesIt()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("火焰山片区道路改造完工", fixture.NewsId, "高昌区火焰山片区道路改造工程完工通车。", command: "submit"));
        await PostAsync(reviewer, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        var key = (await fixture.ArticleAsync(id)).UrlKey;
        Assert.NotNull(await SearchProbe.UntilAsync(fixture.Factory, "火焰山", keys => keys.Contains(key)));

        // A reviewer corrects the live article: the correction is not searchable while it waits
        // for a second reviewer; once approved, the new word is found.
        var (saved, _) = await PostAsync(reviewer, $"/admin/articles/edit/{id}", ArticleForm("火焰山片区道路改造完工", fixture.NewsId, "高昌区坎儿井片区道路改造工程完工通车。", (await fixture.ArticleAsync(id)).Version, command: "submit"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.NotNull(await SearchProbe.UntilAsync(fixture.Factory, "火焰山", keys => keys.Contains(key)));
        Assert.Null(await SearchProbe.UntilAsync(fixture.Factory, "坎儿井", keys => keys.Contains(key), SearchProbe.Deadline));
        var second = await fixture.LoginAsync("reviewer2");
        var (approved, _) = await PostAsync(second, $"/admin/articles/publish/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.NotNull(await SearchProbe.UntilAsync(fixture.Factory, "坎儿井", keys => keys.Contains(key)));

        var (deleted, _) = await PostAsync(reviewer, $"/admin/articles/delete/{id}", V((await fixture.ArticleAsync(id)).Version));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.NotNull(await SearchProbe.UntilTotalAsync(fixture.Factory, "坎儿井", total => total == 0));
    }

    [Fact]
    public async Task ScheduledArticle_NotFoundBeforeItsTime_FoundAfterIt()
    {
        var editor = await fixture.LoginAsync("editor");
        var reviewer = await fixture.LoginAsync("reviewer");
        var id = await CreateAsync(editor, ArticleForm("艾丁湖湿地保护条例公布", fixture.NoticesId, "艾丁湖湿地保护条例自下月起施行。", command: "submit"));
        var local = fixture.Time.GetUtcNow().UtcDateTime.AddHours(8).AddMinutes(30);
        var (scheduled, _) = await PostAsync(reviewer, $"/admin/articles/schedule/{id}", V((await fixture.ArticleAsync(id)).Version, ("publishAt", local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var key = (await fixture.ArticleAsync(id)).UrlKey;

        await fixture.PublishDueAsync();
        await SearchProbe.CaughtUpAsync(fixture.Factory);
        Assert.DoesNotContain(key, await SearchProbe.KeysAsync(fixture.Factory, "艾丁湖"));

        // Its time comes; the scheduler's next pass publishes it, and search follows by itself.
        fixture.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await fixture.PublishDueAsync());
        Assert.NotNull(await SearchProbe.UntilAsync(fixture.Factory, "艾丁湖", keys => keys.Contains(key)));
    }

    [Fact]
    public async Task PublishedArticleDatedLater_IsFoundOnceTheClockReachesItsDate_WithoutAnyWrite()
    {
        // An article stored as published with a later date (an import of a dated notice) is in
        // the index already; the time filter lets readers find it only from its date on.
        var key = "later" + Guid.NewGuid().ToString("N")[..8];
        var at = fixture.Time.GetUtcNow().UtcDateTime.AddHours(2);
        await fixture.Factory.WithDbAsync(async db =>
        {
            var section = await db.Sections.FindAsync(fixture.NewsId);
            db.Articles.Add(Infrastructure.TestContent.Article(key, "坎儿井申遗工作推进会召开", section!, at));
            return await db.SaveChangesAsync();
        });
        await SearchProbe.CaughtUpAsync(fixture.Factory);
        Assert.DoesNotContain(key, await SearchProbe.KeysAsync(fixture.Factory, "申遗"));

        fixture.Time.Advance(TimeSpan.FromHours(3));
        Assert.Contains(key, await SearchProbe.KeysAsync(fixture.Factory, "申遗"));
    }

    [Fact]
    public async Task SectionFilter_IncludesSubSections_AndDateSortPutsTheNewestFirst()
    {
        var news = fixture.NewsId;
        var (childId, keys) = await fixture.Factory.WithDbAsync(async db =>
        {
            var parent = await db.Sections.FindAsync(news);
            var child = Infrastructure.TestContent.Section("乡镇动态", "乡镇", "xiangzhen" + Guid.NewGuid().ToString("N")[..6], parent);
            var other = await db.Sections.FindAsync(fixture.NoticesId);
            var epoch = fixture.Time.GetUtcNow().UtcDateTime.AddDays(-10);
            var a = Infrastructure.TestContent.Article("sfa" + Guid.NewGuid().ToString("N")[..8], "托克逊县棉花机采现场会", child, epoch);
            var b = Infrastructure.TestContent.Article("sfb" + Guid.NewGuid().ToString("N")[..8], "托克逊县棉花收购进度通报", parent!, epoch.AddDays(2));
            var c = Infrastructure.TestContent.Article("sfc" + Guid.NewGuid().ToString("N")[..8], "托克逊县棉花补贴发放通知", other!, epoch.AddDays(1));
            db.Articles.AddRange(a, b, c);
            await db.SaveChangesAsync();
            return (child.Id, new[] { a.UrlKey, b.UrlKey, c.UrlKey });
        });
        await SearchProbe.CaughtUpAsync(fixture.Factory);

        var inNews = await SearchProbe.SearchAsync(fixture.Factory, new SearchRequest("托克逊 棉花", SectionId: news, Sort: SearchSort.Date));
        Assert.Equal([keys[1], keys[0]], inNews.Hits.Items.Select(h => h.UrlKey));
        var inChild = await SearchProbe.SearchAsync(fixture.Factory, new SearchRequest("托克逊 棉花", SectionId: childId));
        Assert.Equal([keys[0]], inChild.Hits.Items.Select(h => h.UrlKey));
        var all = await SearchProbe.SearchAsync(fixture.Factory, new SearchRequest("托克逊 棉花", Sort: SearchSort.Date));
        Assert.Equal([keys[1], keys[2], keys[0]], all.Hits.Items.Select(h => h.UrlKey));

        // A day range in the site's zone, both ends included.
        var day = DateOnly.FromDateTime(fixture.Time.GetUtcNow().UtcDateTime.AddDays(-9).AddHours(8));
        var oneDay = await SearchProbe.SearchAsync(fixture.Factory, new SearchRequest("托克逊 棉花", From: day, To: day));
        Assert.Equal([keys[2]], oneDay.Hits.Items.Select(h => h.UrlKey));
    }

    [Fact]
    public async Task SectionMove_IsFollowed_ByTheSectionFilter()
    {
        var (sectionId, key) = await fixture.Factory.WithDbAsync(async db =>
        {
            var section = Infrastructure.TestContent.Section("专题活动", "专题", "zhuanti" + Guid.NewGuid().ToString("N")[..6]);
            var article = Infrastructure.TestContent.Article("mv" + Guid.NewGuid().ToString("N")[..8], "交河故城夜游开放", section, fixture.Time.GetUtcNow().UtcDateTime.AddDays(-1));
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return (section.Id, article.UrlKey);
        });
        await SearchProbe.CaughtUpAsync(fixture.Factory);
        Assert.Empty((await SearchProbe.SearchAsync(fixture.Factory, new SearchRequest("交河故城", SectionId: fixture.NewsId))).Hits.Items);

        // The section moves under 新闻中心: a search in 新闻中心 now includes its article.
        await fixture.Factory.WithScopeAsync(async services =>
        {
            var admin = services.GetRequiredService<Portal.Core.Sections.SectionAdminService>();
            var current = (await admin.GetAsync(sectionId))!;
            var result = await admin.UpdateAsync(sectionId, current with { ParentId = fixture.NewsId });
            Assert.True(result.Succeeded);
            return 0;
        });
        var deadline = DateTime.UtcNow + SearchProbe.Patience;
        IReadOnlyList<string> found = [];
        while (DateTime.UtcNow < deadline && !found.Contains(key))
        {
            found = (await SearchProbe.SearchAsync(fixture.Factory, new SearchRequest("交河故城", SectionId: fixture.NewsId))).Hits.Items.Select(h => h.UrlKey).ToList();
            await Task.Delay(50);
        }

        Assert.Contains(key, found);
    }
}
