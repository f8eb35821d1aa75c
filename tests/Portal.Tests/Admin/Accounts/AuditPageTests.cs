using System.Globalization;
using Portal.Core.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Accounts;

/// <summary>审计日志 as an administrator reads it.</summary>
public sealed class AuditPageTests
{
    [Fact]
    public async Task AuditLog_ServerCultureWithOtherCalendar_ShowsGregorianTimes()
    {
        using var factory = PortalFactory.Empty();

        // A server whose culture counts years in the Buddhist era (2569): the request runs under
        // the test's culture only when the test server carries the execution context across
        // (set before any client is made: each client's handler copies the setting).
        factory.Server.PreserveExecutionContext = true;
        await StaffAccounts.CreateAsync(factory, "auditor", PortalRoles.Admin);
        using var admin = await StaffAccounts.SignInAsync(factory, "auditor");
        var previous = CultureInfo.CurrentCulture;
        string html;
        CultureInfo.CurrentCulture = new CultureInfo("th-TH");
        try
        {
            html = await admin.GetStringAsync("/admin/audit");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        var times = (await PortalFactory.ParseAsync(html)).QuerySelectorAll("table.audit-log time");
        Assert.NotEmpty(times);
        Assert.All(times, time => Assert.Matches(@"^20\d\d-\d\d-\d\d \d\d:\d\d:\d\d$", time.TextContent));
    }
}
