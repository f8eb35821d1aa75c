using System.Globalization;
using AngleSharp.Html.Dom;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>栏目管理's 上级栏目 select: every section in tree order, indented, never the section's own subtree.</summary>
public sealed class SectionParentChoiceTests(SiteAdminFixture fixture) : IClassFixture<SiteAdminFixture>
{
    [Fact]
    public async Task EditForm_ParentSelect_LeavesOutTheSectionAndItsSubtree()
    {
        var (parent, child, grandchild, other) = await fixture.WithDbAsync(async db =>
        {
            var p = TestContent.Section("父栏目甲", "父甲", "fujia");
            var o = TestContent.Section("别的栏目", "别的", "biede");
            db.Sections.AddRange(p, o);
            await db.SaveChangesAsync();
            var c = TestContent.Section("子栏目乙", "子乙", "ziyi");
            c.ParentId = p.Id;
            db.Sections.Add(c);
            await db.SaveChangesAsync();
            var g = TestContent.Section("孙栏目丙", "孙丙", "sunbing");
            g.ParentId = c.Id;
            db.Sections.Add(g);
            await db.SaveChangesAsync();
            return (p.Id, c.Id, g.Id, o.Id);
        });

        var (_, page) = await fixture.Factory.GetDocumentAsync($"/admin/sections/edit/{child}", fixture.Admin);

        var select = (IHtmlSelectElement)page.QuerySelector("select[name='Input.ParentId']")!;
        var options = select.Options.ToDictionary(o => o.Value, o => o.Text);
        Assert.DoesNotContain(Id(child), options.Keys);
        Assert.DoesNotContain(Id(grandchild), options.Keys);
        Assert.Equal("父栏目甲", options[Id(parent)]);
        Assert.Equal("别的栏目", options[Id(other)]);
        Assert.True(select.Options.Single(o => o.Value == Id(parent)).IsSelected);

        var (_, newPage) = await fixture.Factory.GetDocumentAsync("/admin/sections/create", fixture.Admin);
        var all = ((IHtmlSelectElement)newPage.QuerySelector("select[name='Input.ParentId']")!).Options.ToDictionary(o => o.Value, o => o.Text);
        Assert.Equal("　子栏目乙", all[Id(child)]);
        Assert.Equal("　　孙栏目丙", all[Id(grandchild)]);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
