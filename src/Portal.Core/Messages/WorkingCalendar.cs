namespace Portal.Core.Messages;

/// <summary>
/// Working days in the official calendar: Monday to Friday, except the holidays of the yearly
/// 国务院办公厅 notice, plus its 调休 make-up working days on weekends (<see cref="CalendarDay"/>
/// holds only those exceptions). Deadlines of letters count in these days.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>A letter is 即将超期 when this many working days or fewer are left.</summary>
    public const int DueSoonWorkingDays = 2;

    private readonly Dictionary<DateOnly, bool> _exceptions;

    public WorkingCalendar(IEnumerable<CalendarDay> exceptions)
    {
        _exceptions = [];
        foreach (var day in exceptions)
        {
            _exceptions[day.Date] = day.IsWorkingDay;
        }
    }

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working) ? working : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The deadline of a letter accepted on <paramref name="accepted"/>: the
    /// <paramref name="workingDays"/>-th working day after it (the day of 受理 does not count).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly accepted, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        var date = accepted;
        for (var left = workingDays; left > 0;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>The working days after <paramref name="today"/> up to and including <paramref name="due"/> (0 when due today or earlier).</summary>
    public int WorkingDaysLeft(DateOnly today, DateOnly due)
    {
        var count = 0;
        for (var date = today.AddDays(1); date <= due; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Where a letter due on <paramref name="due"/> stands on <paramref name="today"/>.</summary>
    public DeadlineState State(DateOnly today, DateOnly due) =>
        today > due ? DeadlineState.Overdue
        : WorkingDaysLeft(today, due) <= DueSoonWorkingDays ? DeadlineState.DueSoon
        : DeadlineState.OnTime;
}

/// <summary>A deadline as the queue marks it.</summary>
public enum DeadlineState
{
    OnTime,

    /// <summary>即将超期: <see cref="WorkingCalendar.DueSoonWorkingDays"/> working days or fewer left.</summary>
    DueSoon,

    /// <summary>已超期: the due date has passed.</summary>
    Overdue,
}
