namespace Portal.Core.Home;

/// <summary>The home page's blocks in order, empty ones left out.</summary>
public sealed record HomePage(IReadOnlyList<HomePageBlock> Blocks);
