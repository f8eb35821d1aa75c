namespace Portal.Core.Home;

/// <summary>首页布局 as the admin page lists it; <see cref="IsDefault"/> while no block is saved (the default layout is shown).</summary>
public sealed record HomeLayoutAdmin(IReadOnlyList<HomeBlockAdminRow> Blocks, bool IsDefault);
