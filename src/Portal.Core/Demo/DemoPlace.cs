namespace Portal.Core.Demo;

/// <summary>
/// Where a demo article happens: its prefecture, the full place (吐鲁番市鄯善县), the name used in
/// titles and department names (鄯善县, or 伊犁州 for a prefecture), and its government's name.
/// </summary>
internal sealed record DemoPlace(string Prefecture, string Full, string Short, string Government);
