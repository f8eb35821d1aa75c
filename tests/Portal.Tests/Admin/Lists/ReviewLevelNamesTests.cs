using Portal.Core.Articles;

namespace Portal.Tests.Admin.Lists;

public sealed class ReviewLevelNamesTests
{
    [Theory]
    [InlineData(0, 0, "审核（本栏目不需另行审核）")]
    [InlineData(0, 1, "审核（第 1 级 / 共 1 级）")]
    [InlineData(0, 2, "初审（第 1 级 / 共 2 级）")]
    [InlineData(1, 2, "终审（第 2 级 / 共 2 级）")]
    [InlineData(0, 3, "初审（第 1 级 / 共 3 级）")]
    [InlineData(1, 3, "复审（第 2 级 / 共 3 级）")]
    [InlineData(2, 3, "终审（第 3 级 / 共 3 级）")]
    [InlineData(5, 2, "终审（第 2 级 / 共 2 级）")]
    public void Describe_EachLevelOfEachSectionKind_ReadsAsOfficesSayIt(int stage, int levels, string expected) =>
        Assert.Equal(expected, ReviewLevelNames.Describe(stage, levels));

    [Theory]
    [InlineData(-60, "刚刚提交")]
    [InlineData(30, "刚刚提交")]
    [InlineData(60 * 5 + 59, "已等待 5 分钟")]
    [InlineData(3600 * 3 + 1800, "已等待 3 小时")]
    [InlineData(86400 - 1, "已等待 23 小时")]
    [InlineData(86400 * 2 + 3600 * 5, "已等待 2 天")]
    public void Waiting_InWholeUnits(int seconds, string expected) =>
        Assert.Equal(expected, ReviewLevelNames.Waiting(TimeSpan.FromSeconds(seconds)));
}
