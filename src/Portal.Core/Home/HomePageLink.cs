namespace Portal.Core.Home;

/// <summary>A link of a 专题 or 快捷链接 block as readers see it; <see cref="ImageName"/> is the media file's stored name.</summary>
public sealed record HomePageLink(string Label, string Url, string? ImageName, string? ImageAlt);
