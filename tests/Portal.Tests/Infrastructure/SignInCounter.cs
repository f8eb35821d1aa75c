using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Accounts;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Counts one portal's sign-in attempts by outcome, from its <c>portal.sign_in.attempts</c>
/// metric. Only the meter of that portal's own container is listened to, so other portals running
/// in parallel do not count.
/// </summary>
public sealed class SignInCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public SignInCounter(PortalFactory factory)
    {
        var scope = factory.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == SignInMetrics.AttemptsName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome" && tag.Value is string outcome)
                {
                    _counts.AddOrUpdate(outcome, (int)value, (_, old) => old + (int)value);
                }
            }
        });
        _listener.Start();

        // The metric's instrument is made with the first sign-in service: make it now.
        _ = factory.Services.GetRequiredService<SignInMetrics>();
    }

    public int this[string outcome] => _counts.GetValueOrDefault(outcome);

    public void Dispose() => _listener.Dispose();
}
