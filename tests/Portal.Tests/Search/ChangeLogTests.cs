using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Search;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>The change log is written by the save that makes the change, and only then.</summary>
public sealed class ChangeLogTests : IDisposable
{
    private readonly PortalFactory _factory = PortalFactory.Empty(new Dictionary<string, string?> { ["Search:IndexerEnabled"] = "false" });

    [Fact]
    public async Task Save_OfArticles_WritesOneRowEach_AndOfSections_OnlyForAMove()
    {
        var before = await CountAsync();
        string[] keys = ["cl1", "cl2"];
        var sectionId = await _factory.WithDbAsync(async db =>
        {
            var section = TestContent.Section("地方动态", "地方", "difang");
            db.Articles.AddRange(TestContent.Article("cl1", "一", section, TestContent.Epoch), TestContent.Article("cl2", "二", section, TestContent.Epoch));
            await db.SaveChangesAsync();
            return section.Id;
        });
        var added = await RowsAfterAsync(before);
        Assert.Equal(keys, added.Where(r => r.Kind == ContentChangeKind.Article).Select(r => r.Key!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(added, r => r.Kind == ContentChangeKind.Section);

        // A new name is in no document; a new parent changes what a section search includes.
        var renamed = await CountAsync();
        await _factory.WithDbAsync(async db =>
        {
            (await db.Sections.SingleAsync(s => s.Id == sectionId)).Name = "本地动态";
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await RowsAfterAsync(renamed));

        var moved = await CountAsync();
        await _factory.WithDbAsync(async db =>
        {
            var parent = TestContent.Section("新闻中心", "新闻", "xinwen");
            db.Sections.Add(parent);
            (await db.Sections.SingleAsync(s => s.Id == sectionId)).Parent = parent;
            return await db.SaveChangesAsync();
        });
        var row = Assert.Single(await RowsAfterAsync(moved));
        Assert.Equal((ContentChangeKind.Section, sectionId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (row.Kind, row.Key));
    }

    [Fact]
    public async Task Save_OfMoreArticlesThanTheBulkThreshold_WritesOneRebuildRow()
    {
        var before = await CountAsync();
        await _factory.WithDbAsync(async db =>
        {
            var section = TestContent.Section("批量", "批量", "piliang");
            for (var i = 0; i <= ContentChangeRecorder.BulkThreshold; i++)
            {
                db.Articles.Add(TestContent.Article("bulk" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "批量" + i, section, TestContent.Epoch));
            }

            return await db.SaveChangesAsync();
        });

        var row = Assert.Single(await RowsAfterAsync(before));
        Assert.Equal(ContentChangeKind.All, row.Kind);
        Assert.Null(row.Key);
    }

    [Fact]
    public async Task RolledBackChange_LeavesNoRow()
    {
        var before = await CountAsync();
        await _factory.WithDbAsync(db => db.InTransactionAsync(
            async () =>
            {
                db.Articles.Add(TestContent.Article("rolled", "回滚", TestContent.Section("回滚", "回滚", "huigun"), TestContent.Epoch));
                return await db.SaveChangesAsync();
            },
            commit: _ => false));

        Assert.Empty(await RowsAfterAsync(before));
    }

    public void Dispose() => _factory.Dispose();

    private Task<long> CountAsync() => _factory.WithDbAsync(async db => await db.ContentChanges.MaxAsync(c => (long?)c.Id) ?? 0);

    private Task<List<ContentChange>> RowsAfterAsync(long id) =>
        _factory.WithDbAsync(db => db.ContentChanges.AsNoTracking().Where(c => c.Id > id).OrderBy(c => c.Id).ToListAsync());
}
