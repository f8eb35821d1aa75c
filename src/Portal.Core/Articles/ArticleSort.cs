using System.Globalization;

namespace Portal.Core.Articles;

/// <summary>
/// The order of the admin article list, as it travels in the address (<c>sort=date&amp;dir=asc</c>).
/// Unknown values fall back to the default (最后修改, newest first) rather than failing.
/// </summary>
public sealed record ArticleSort(ArticleSortKey Key = ArticleSortKey.Updated, bool Descending = true)
{
    public static ArticleSort Default { get; } = new();

    /// <summary>The <c>sort</c> value in the address.</summary>
    public string SortValue => Key.ToString().ToLowerInvariant();

    /// <summary>The <c>dir</c> value in the address.</summary>
    public string DirectionValue => Descending ? "desc" : "asc";

    /// <summary>Reads <c>sort</c> and <c>dir</c> from the address; a missing direction is the key's natural one.</summary>
    public static ArticleSort Parse(string? sort, string? dir)
    {
        var key = ArticleSortKey.Updated;
        if (!string.IsNullOrEmpty(sort))
        {
            // Names only: Enum.TryParse would also take "2" or "1,2".
            var match = Enum.GetValues<ArticleSortKey>().Where(k => string.Equals(k.ToString(), sort, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 1)
            {
                key = match[0];
            }
        }

        var descending = dir?.ToLower(CultureInfo.InvariantCulture) switch
        {
            "asc" => false,
            "desc" => true,
            _ => NaturalDescending(key),
        };
        return new ArticleSort(key, descending);
    }

    /// <summary>The order a column header offers: the other direction when sorted by <paramref name="key"/> already, else the key's natural direction.</summary>
    public ArticleSort Toggle(ArticleSortKey key) => key == Key ? this with { Descending = !Descending } : new ArticleSort(key, NaturalDescending(key));

    /// <summary>Dates newest first; title and status from the start.</summary>
    private static bool NaturalDescending(ArticleSortKey key) => key is ArticleSortKey.Updated or ArticleSortKey.Date;
}
