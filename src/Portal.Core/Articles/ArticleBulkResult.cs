namespace Portal.Core.Articles;

/// <summary>
/// The outcome of a bulk action: either <see cref="Refusal"/> (the request as a whole was refused
/// and nothing was done) or one row per article, each carried out (or refused) on its own.
/// </summary>
public sealed record ArticleBulkResult(ArticleBulkCommand? Command, string? Refusal, IReadOnlyList<ArticleBulkItemResult> Items)
{
    public int SucceededCount => Items.Count(i => i.Succeeded);

    public int FailedCount => Items.Count(i => !i.Succeeded);

    public static ArticleBulkResult Refused(string message, ArticleBulkCommand? command = null) => new(command, message, []);
}
