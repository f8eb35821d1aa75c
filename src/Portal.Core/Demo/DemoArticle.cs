namespace Portal.Core.Demo;

/// <summary>
/// One generated demo article before it is stored: <see cref="SectionIndex"/> is the position of
/// its section in the list the generator was given.
/// </summary>
public sealed record DemoArticle(
    string UrlKey,
    int SectionIndex,
    string Title,
    string Source,
    DateTime PublishedAt,
    string BodyMarkdown,
    string? Summary,
    string? Keywords);
