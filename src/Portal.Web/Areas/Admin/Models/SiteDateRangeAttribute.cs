using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Portal.Web.Areas.Admin.Models;

/// <summary>
/// A site-local date (or date and time) an editor types must lie between
/// <see cref="Earliest"/> and <see cref="Latest"/>: enough for any real publish date or filter,
/// and far from the ends of <see cref="DateTime"/>, where converting to UTC or adding a day
/// overflows (0001-01-01 or 9999-12-31 in a form used to answer 500).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SiteDateRangeAttribute : ValidationAttribute
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public SiteDateRangeAttribute()
        : base(() => OutOfRangeMessage("{0}"))
    {
    }

    /// <summary>The message for a date outside the range that is checked outside model validation (a workflow button's date).</summary>
    public static string OutOfRangeMessage(string field) => string.Format(CultureInfo.InvariantCulture, "{0}必须在 {1:yyyy-MM-dd} 至 {2:yyyy-MM-dd} 之间。", field, Earliest, Latest);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool Contains(DateTime local) => Contains(DateOnly.FromDateTime(local));

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        DateOnly date => Contains(date),
        DateTime local => Contains(local),
        _ => false,
    };
}
