using System.Globalization;
using Portal.Core.Messages;

namespace Portal.Tests.Messages;

public class WorkingCalendarTests
{
    // Part of the 2026 calendar: 劳动节 1–5 May (Fri–Tue), 9 May (Sat) a 调休 working day.
    private static readonly WorkingCalendar Calendar = new(
    [
        new CalendarDay { Date = new(2026, 5, 1), Name = "劳动节" },
        new CalendarDay { Date = new(2026, 5, 4), Name = "劳动节" },
        new CalendarDay { Date = new(2026, 5, 5), Name = "劳动节" },
        new CalendarDay { Date = new(2026, 5, 9), Name = "劳动节调休", IsWorkingDay = true },
    ]);

    [Theory]
    [InlineData("2026-04-27", true)]   // Monday
    [InlineData("2026-05-02", false)]  // Saturday
    [InlineData("2026-05-04", false)]  // a holiday on a Monday
    [InlineData("2026-05-09", true)]   // a 调休 Saturday
    [InlineData("2026-05-10", false)]  // an ordinary Sunday
    public void IsWorkingDay_FollowsTheWeekAndTheExceptions(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(Day(date)));

    [Fact]
    public void AddWorkingDays_AcrossAWeekend_SkipsIt() =>
        // Accepted on Thursday 23 April: Fri 24, Mon 27, Tue 28, Wed 29, Thu 30.
        Assert.Equal(new DateOnly(2026, 4, 30), Calendar.AddWorkingDays(new(2026, 4, 23), 5));

    [Fact]
    public void AddWorkingDays_AcrossTheHolidayAndItsMakeUpSaturday_CountsTheSaturday() =>
        // Accepted on Thursday 30 April: 1–5 May off; Wed 6, Thu 7, Fri 8, Sat 9 (调休), Mon 11.
        Assert.Equal(new DateOnly(2026, 5, 11), Calendar.AddWorkingDays(new(2026, 4, 30), 5));

    [Fact]
    public void AddWorkingDays_AcceptedOnAHoliday_StartsAfterIt() =>
        Assert.Equal(new DateOnly(2026, 5, 6), Calendar.AddWorkingDays(new(2026, 5, 2), 1));

    [Fact]
    public void AddWorkingDays_RefusesZero() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new(2026, 5, 6), 0));

    [Theory]
    [InlineData("2026-05-05", 4, DeadlineState.OnTime)]    // 6, 7, 8, 9 May (the 调休 Saturday counts)
    [InlineData("2026-05-06", 3, DeadlineState.OnTime)]
    [InlineData("2026-05-07", 2, DeadlineState.DueSoon)]
    [InlineData("2026-05-09", 0, DeadlineState.DueSoon)]   // due today
    [InlineData("2026-05-10", 0, DeadlineState.Overdue)]
    public void State_MarksDueSoonAndOverdue(string today, int left, DeadlineState state)
    {
        var due = new DateOnly(2026, 5, 9);

        Assert.Equal(left, Calendar.WorkingDaysLeft(Day(today), due));
        Assert.Equal(state, Calendar.State(Day(today), due));
    }

    private static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
