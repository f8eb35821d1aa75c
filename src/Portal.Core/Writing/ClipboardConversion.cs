namespace Portal.Core.Writing;

/// <summary>A converted paste: its Markdown (empty when nothing was left) and notices for the editor in Chinese.</summary>
public sealed record ClipboardConversion(string Markdown, IReadOnlyList<string> Notes);
