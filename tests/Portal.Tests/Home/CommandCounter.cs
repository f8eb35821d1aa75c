using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Tests.Home;

/// <summary>
/// Counts the SQL commands EF Core runs inside <see cref="CountAsync"/>, through EF's diagnostic
/// events (no service of the app is replaced). Only commands in the counted call's async flow are
/// counted, so background services of the same host and other tests running in parallel do not
/// disturb the count; the host must run requests on the caller's flow
/// (<see cref="HomeBlockFactory"/> sets TestServer's PreserveExecutionContext).
/// </summary>
public sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<List<string>?> Recording = new();

    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public CommandCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>
    /// Runs <paramref name="action"/> and returns the text of every command it ran. EF Core caches
    /// whether anyone listens for about a second (its logging cache time): create the counter
    /// well before the first count.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CountAsync(Func<Task> action)
    {
        var commands = new List<string>();
        Recording.Value = commands;
        try
        {
            await action();
        }
        finally
        {
            Recording.Value = null;
        }

        lock (commands)
        {
            return commands.ToList();
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data && Recording.Value is { } commands)
        {
            lock (commands)
            {
                commands.Add(data.Command.CommandText);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
