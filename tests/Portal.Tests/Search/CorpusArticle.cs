namespace Portal.Tests.Search;

/// <summary>
/// One article of the relevance corpus (<c>Search/Corpus/articles.json</c>), as the generator
/// writes it: <see cref="PublishedAt"/> is a date (yyyy-MM-dd); empty keywords and summary are "".
/// </summary>
public sealed record CorpusArticle(
    string Key,
    string Section,
    string Title,
    string Source,
    string PublishedAt,
    string Keywords,
    string Summary,
    string Body);
