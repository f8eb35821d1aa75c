using System.Globalization;
using Portal.Core.Search;

namespace Portal.Web.Models;

/// <summary>
/// The search page's query string as typed (every value a string, so nothing a reader writes
/// fails model binding): turned into a <see cref="SearchRequest"/>, with a Chinese notice for each
/// value that had to be ignored.
/// </summary>
public sealed class SearchInput
{
    /// <summary>The longest value read from a date or number field; anything longer is not one.</summary>
    private const int MaxFieldLength = 20;

    public string? Q { get; set; }

    public string? Section { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Sort { get; set; }

    public string? Page { get; set; }

    /// <summary>The request, with the notices for values that were not understood.</summary>
    public (SearchRequest Request, IReadOnlyList<string> Notices) ToRequest()
    {
        var notices = new List<string>();
        var request = new SearchRequest(
            Q,
            Number(Section, "栏目", notices),
            Date(From, "开始日期", notices),
            Date(To, "结束日期", notices),
            string.Equals(Sort, "date", StringComparison.OrdinalIgnoreCase) ? SearchSort.Date : SearchSort.Relevance,
            Math.Max(1, Number(Page, "页码", notices) ?? 1));
        return (request, notices);
    }

    private static int? Number(string? value, string label, List<string> notices)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length <= MaxFieldLength && int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        notices.Add($"{label}“{Short(value)}”无法识别，已忽略。");
        return null;
    }

    private static DateOnly? Date(string? value, string label, List<string> notices)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length <= MaxFieldLength && DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        notices.Add($"{label}“{Short(value)}”不是有效的日期（格式如 2023-11-21），已忽略。");
        return null;
    }

    private static string Short(string value) => value.Length <= MaxFieldLength ? value : value[..MaxFieldLength] + "…";
}
