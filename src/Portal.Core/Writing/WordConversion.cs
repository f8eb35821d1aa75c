namespace Portal.Core.Writing;

/// <summary>
/// A converted Word document: its title, its Markdown with a <see cref="WordImage.Placeholder"/>
/// where each image goes, the images to store, and notices for the editor in Chinese.
/// </summary>
public sealed record WordConversion(
    string Title,
    string Markdown,
    IReadOnlyList<WordImage> Images,
    IReadOnlyList<string> Notes,
    int Paragraphs,
    int Tables);
