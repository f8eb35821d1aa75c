namespace Portal.Core.Writing;

/// <summary>The limits a Word document is checked against before and while it is read.</summary>
/// <param name="MaxBytes">The largest file.</param>
/// <param name="MaxUncompressedBytes">The most the package's parts may add up to once unpacked (a zip bomb stops here).</param>
/// <param name="MaxParts">The most entries the package may hold.</param>
/// <param name="MaxImageBytes">The largest image kept (the media library's upload limit).</param>
public sealed record WordLimits(long MaxBytes, long MaxUncompressedBytes, int MaxParts, long MaxImageBytes);
