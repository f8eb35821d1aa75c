namespace Portal.Core.Home;

/// <summary>A link of a 专题 or 快捷链接 block in 首页布局; <see cref="ImageName"/> is the image's stored name.</summary>
public sealed record HomeLinkAdminRow(int Id, int BlockId, string Label, string Url, int? ImageId, string? ImageName, string? AltText);
