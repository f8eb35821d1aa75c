using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Portal.Core.Messages;

/// <summary>
/// 信件编号: the year the letter arrived (site time) and its id, e.g. 2026000042. Derived, never
/// stored, so no two letters can be given the same number however many arrive at once.
/// </summary>
public static class MessageNumbers
{
    private const int IdDigits = 6;

    public static string Format(int id, int year) =>
        year.ToString("D4", CultureInfo.InvariantCulture) + id.ToString("D" + IdDigits, CultureInfo.InvariantCulture);

    /// <summary>The id in a number as a writer typed it (spaces trimmed); false for anything else.</summary>
    public static bool TryParse(string? number, [NotNullWhen(true)] out int? id)
    {
        id = null;
        number = number?.Trim();
        if (number is null || number.Length < 4 + IdDigits || number.Length > 4 + 9 || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!int.TryParse(number.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        id = value;
        return true;
    }

    /// <summary>The year part of a number (to check it against the letter's own).</summary>
    public static int Year(string number) => int.Parse(number.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
}
