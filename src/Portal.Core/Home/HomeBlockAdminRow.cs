namespace Portal.Core.Home;

/// <summary>
/// A block in 首页布局. <see cref="Id"/> is negative for a block of the default layout that is
/// not saved yet (−1 for the first): the first change saves the layout and then acts on that block.
/// </summary>
public sealed record HomeBlockAdminRow(int Id, HomeBlockKind Kind, string? Title, int? SectionId, string? SectionName, int Count, IReadOnlyList<HomeLinkAdminRow> Links)
{
    /// <summary>The kind's name (头条, 栏目…).</summary>
    public string KindName => HomeBlockRules.NameOf(Kind);
}
