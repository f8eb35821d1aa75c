namespace Portal.Core.Writing;

/// <summary>
/// An image embedded in a Word document, to be stored in the media library. Its place in the
/// converted Markdown is <see cref="Placeholder"/>; <see cref="Alt"/> is the document's alt text
/// (wp:docPr descr, else title), null when the document gives none (or only a placeholder word).
/// </summary>
public sealed record WordImage(int Index, byte[] Content, string Name, string? Alt)
{
    /// <summary>The token standing for the image in <see cref="WordConversion.Markdown"/> (no text can contain it: control characters are removed).</summary>
    public string Placeholder => PlaceholderOf(Index);

    internal static string PlaceholderOf(int index) => "\u0001" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0001";
}
