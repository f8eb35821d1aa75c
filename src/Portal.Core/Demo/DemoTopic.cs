namespace Portal.Core.Demo;

/// <summary>
/// A subject of demo articles: the departments that write on it and its templates (see
/// <see cref="DemoText"/> for the placeholders). A document's paragraphs are clauses, kept in order.
/// </summary>
internal sealed record DemoTopic(
    string Name,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> Titles,
    IReadOnlyList<string> Leads,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Programmes,
    bool IsDocument);
