namespace Portal.Core.Messages;

/// <summary>
/// A day that differs from the ordinary week in the official calendar (国务院办公厅's yearly notice
/// of public holidays): a holiday on a weekday (<see cref="IsWorkingDay"/> false) or a 调休
/// make-up working day on a weekend (true). Every other day is a working day from Monday to
/// Friday. Loaded from <c>seeds/calendar/</c> and extended by administrators.
/// </summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }

    public bool IsWorkingDay { get; set; }

    /// <summary>The holiday's name, e.g. 春节, or 春节调休.</summary>
    public string Name { get; set; } = "";
}
