using System.Diagnostics.Metrics;

namespace Portal.Web.Accounts;

/// <summary>
/// Sign-in attempts as a metric (<c>portal.sign_in.attempts</c>, meter <c>Portal.Accounts</c>),
/// tagged with what became of each: <c>signed-in</c>, <c>second-factor</c>, <c>wrong</c> (a
/// checked password or code that was wrong), <c>locked</c> (not checked: locked or out of tries),
/// <c>unknown</c>, <c>disabled</c>, <c>limited</c>. Monitoring sees an attack as it runs; the
/// tests count what was checked.
/// </summary>
public sealed class SignInMetrics
{
    public const string MeterName = "Portal.Accounts";
    public const string AttemptsName = "portal.sign_in.attempts";

    private readonly Counter<long> _attempts;

    public SignInMetrics(IMeterFactory meters)
    {
        _attempts = meters.Create(MeterName).CreateCounter<long>(AttemptsName, description: "Sign-in attempts by outcome.");
    }

    public void Count(string outcome) => _attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
