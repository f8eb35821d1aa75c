namespace Portal.Core.Demo;

/// <summary>
/// A kind of demo article, named like the section it suits (<see cref="Slug"/>): its topics, the
/// paragraphs its news articles may share, and the closing clauses of its official documents.
/// </summary>
internal sealed record DemoCategory(
    string Slug,
    string Name,
    IReadOnlyList<DemoTopic> Topics,
    IReadOnlyList<string> Shared,
    IReadOnlyList<string> Closers);
