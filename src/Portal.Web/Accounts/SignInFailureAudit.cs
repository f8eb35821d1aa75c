using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Core.Accounts;
using Portal.Core.Audit;
using Portal.Core.Site;

namespace Portal.Web.Accounts;

/// <summary>
/// Failed sign-ins are audited once per user name and window, not once per request: the first
/// failure of a window is written at once (so an attack shows in the audit log while it runs),
/// and the rest become one entry with their count when the window closes. A flood of guesses
/// therefore writes a few rows, not thousands. The counts are in memory; the number of user
/// names tracked at once is capped, the surplus is counted under one entry.
/// </summary>
public sealed class SignInFailureAudit(IServiceScopeFactory scopes, IOptions<AccountOptions> options, TimeProvider time, ILogger<SignInFailureAudit> logger)
{
    /// <summary>More distinct names than this in one window are counted together.</summary>
    public const int MaxTrackedNames = 10_000;

    private const string OverflowKey = "\u0000overflow";

    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Counts a failure; the first of its window is audited now, through the request's own audit log.</summary>
    public async Task RecordAsync(AuditLog audit, string userName, string? userId, string reason, string? ipAddress, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var key = userName.Trim().ToUpperInvariant();
        Window? closed = null;
        bool first;
        lock (_gate)
        {
            if (!_windows.ContainsKey(key) && _windows.Count >= MaxTrackedNames)
            {
                key = OverflowKey;
            }

            if (_windows.TryGetValue(key, out var window) && now < window.Start + Length)
            {
                window.Count++;
                window.LastAt = now;
                window.LastIp = ipAddress;
                first = false;
            }
            else
            {
                closed = window;
                _windows[key] = new Window(key == OverflowKey ? "（其他用户名）" : userName, userId, now) { LastIp = ipAddress };
                first = true;
            }
        }

        if (closed is { Count: > 1 })
        {
            await WriteSummariesAsync([closed], cancellationToken);
        }

        if (first)
        {
            var minutes = options.Value.FailedSignInAuditMinutes;
            await audit.WriteAsync(AuditActions.LoginFailed, "user", userId,
                $"{reason}（{minutes} 分钟内同一用户名的后续失败合并记录为一条）", userName: key == OverflowKey ? "（其他用户名）" : userName, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Writes the counts of the windows that have closed (all of them with <paramref name="all"/>, at shutdown).</summary>
    public async Task FlushAsync(bool all, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Window> closed;
        lock (_gate)
        {
            var ended = _windows.Where(w => all || now >= w.Value.Start + Length).ToList();
            foreach (var (key, _) in ended)
            {
                _windows.Remove(key);
            }

            closed = ended.Select(w => w.Value).ToList();
        }

        await WriteSummariesAsync(closed.Where(w => w.Count > 1).ToList(), cancellationToken);
    }

    private TimeSpan Length => TimeSpan.FromMinutes(options.Value.FailedSignInAuditMinutes);

    private async Task WriteSummariesAsync(IReadOnlyList<Window> windows, CancellationToken cancellationToken)
    {
        if (windows.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var site = scope.ServiceProvider.GetRequiredService<SiteClock>();
            foreach (var window in windows)
            {
                var entry = audit.Add(AuditActions.LoginFailed, "user", window.UserId,
                    string.Create(CultureInfo.InvariantCulture, $"{site.ToLocal(window.Start):yyyy-MM-dd HH:mm:ss} 起 {options.Value.FailedSignInAuditMinutes} 分钟内又失败 {window.Count - 1} 次（末次 {site.ToLocal(window.LastAt):HH:mm:ss}）"),
                    userName: window.UserName);
                entry.IpAddress = window.LastIp;
                entry.UserId = window.UserId;
            }

            await scope.ServiceProvider.GetRequiredService<Portal.Core.Data.PortalDbContext>().SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The counts are evidence, not a reason to fail a sign-in or a shutdown.
            logger.LogWarning(exception, "Could not audit {Count} failed sign-in counts.", windows.Count);
        }
    }

    private sealed class Window(string userName, string? userId, DateTime start)
    {
        public string UserName { get; } = userName;

        public string? UserId { get; } = userId;

        public DateTime Start { get; } = start;

        public int Count { get; set; } = 1;

        public DateTime LastAt { get; set; } = start;

        public string? LastIp { get; set; }
    }
}

/// <summary>Writes the failed sign-in counts once a minute, and all of them at shutdown.</summary>
public sealed class SignInFailureAuditService(SignInFailureAudit audit, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await audit.FlushAsync(all: false, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await audit.FlushAsync(all: true, cancellationToken);
    }
}
