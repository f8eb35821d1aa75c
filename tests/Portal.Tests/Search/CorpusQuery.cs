namespace Portal.Tests.Search;

/// <summary>
/// One query of the relevance corpus (<c>Search/Corpus/queries.json</c>): the article a resident
/// typing <see cref="Query"/> most plausibly wants, which search must rank in its top 3, and why.
/// An <see cref="Optional"/> query (traditional characters) counts only if the analyzer folds them.
/// </summary>
public sealed record CorpusQuery(string Query, string Expected, string Note, bool Optional = false);
