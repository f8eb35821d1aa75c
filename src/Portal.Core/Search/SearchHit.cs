namespace Portal.Core.Search;

/// <summary>
/// One result. <see cref="TitleHtml"/> and <see cref="FragmentHtml"/> are HTML: the article's text
/// encoded, with the matched words in <c>&lt;mark&gt;</c>; nothing else of them is markup.
/// </summary>
public sealed record SearchHit(string UrlKey, string Title, string TitleHtml, string FragmentHtml, DateTime PublishedAt, int SectionId);
