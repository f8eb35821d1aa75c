using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Inspection;

/// <summary>
/// Asks external addresses whether they still answer, for the <c>broken-link</c> rule: HEAD first,
/// GET when the server refuses HEAD (any 4xx or 5xx) or the HEAD fails; at most
/// <see cref="Concurrency"/> requests at a time and one per host per <see cref="HostSpacing"/>;
/// redirects followed by hand up to <see cref="MaxRedirects"/> (a loop is broken);
/// <see cref="InspectionOptions.LinkTimeoutSeconds"/> per request. Results are kept in
/// <see cref="PortalDbContext.LinkChecks"/> (one row per address) and reused for
/// <see cref="InspectionOptions.LinkCacheHours"/>. A typed HttpClient (registered through
/// IHttpClientFactory, without automatic redirects).
/// </summary>
public sealed class LinkChecker(HttpClient http, PortalDbContext db, TimeProvider time, IOptions<InspectionOptions> options, ILogger<LinkChecker> logger)
{
    /// <summary>Requests in flight at most.</summary>
    public const int Concurrency = 4;

    /// <summary>Redirects followed at most before the address counts as broken.</summary>
    public const int MaxRedirects = 5;

    /// <summary>The least time between two requests to one host.</summary>
    public static readonly TimeSpan HostSpacing = TimeSpan.FromSeconds(1);

    // Per host: one request at a time, and when it may be asked next (real time: politeness
    // towards other servers does not follow the site's clock, which tests fake).
    private readonly Dictionary<string, (SemaphoreSlim Turn, long Next)> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _hostsLock = new();

    /// <summary>
    /// The result for each of <paramref name="urls"/> (absolute http or https addresses): the
    /// stored one when it is younger than the cache time, otherwise asked now and stored.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, LinkCheck>> CheckAsync(IReadOnlyCollection<string> urls, CancellationToken cancellationToken = default)
    {
        var results = new Dictionary<string, LinkCheck>(await CachedAsync(urls, cancellationToken), StringComparer.Ordinal);
        var toCheck = urls.Where(u => !results.ContainsKey(u)).Distinct(StringComparer.Ordinal).ToList();
        if (toCheck.Count == 0)
        {
            return results;
        }

        var fresh = new ConcurrentDictionary<string, LinkCheck>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(toCheck, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (url, token) =>
        {
            var (ok, status, problem) = await AskAsync(new Uri(url), token);
            fresh[url] = new LinkCheck { Url = url, Ok = ok, StatusCode = status, Problem = problem, CheckedAt = time.GetUtcNow().UtcDateTime };
        });

        // One row per address: replace what was stored (older than the cache time) with the new result.
        var stored = await db.LinkChecks.Where(c => toCheck.Contains(c.Url)).ToListAsync(cancellationToken);
        foreach (var check in fresh.Values)
        {
            var row = stored.Find(c => c.Url == check.Url);
            if (row is null)
            {
                db.LinkChecks.Add(check);
            }
            else
            {
                (row.Ok, row.StatusCode, row.Problem, row.CheckedAt) = (check.Ok, check.StatusCode, check.Problem, check.CheckedAt);
            }

            results[check.Url] = check;
        }

        await db.SaveChangesAsync(cancellationToken);
        return results;
    }

    /// <summary>The stored results for <paramref name="urls"/> that are still fresh; nothing is asked.</summary>
    public async Task<IReadOnlyDictionary<string, LinkCheck>> CachedAsync(IReadOnlyCollection<string> urls, CancellationToken cancellationToken = default)
    {
        if (urls.Count == 0)
        {
            return new Dictionary<string, LinkCheck>();
        }

        var since = time.GetUtcNow().UtcDateTime.AddHours(-options.Value.LinkCacheHours);
        var list = urls.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.LinkChecks.AsNoTracking().Where(c => list.Contains(c.Url) && c.CheckedAt > since).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Url, StringComparer.Ordinal);
    }

    private async Task<(bool Ok, int? Status, string? Problem)> AskAsync(Uri url, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            var (status, location, problem) = await RequestAsync(current, cancellationToken);
            if (status is null)
            {
                return (false, null, problem);
            }

            if (status is >= 300 and < 400 && location is not null)
            {
                if (redirects >= MaxRedirects)
                {
                    return (false, status, $"重定向超过 {MaxRedirects} 次");
                }

                if (!Uri.TryCreate(current, location, out var next))
                {
                    return (false, status, "重定向地址无效");
                }

                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    return (false, status, "重定向到非网页地址");
                }

                if (!visited.Add(next.AbsoluteUri))
                {
                    return (false, status, "重定向循环");
                }

                current = next;
                continue;
            }

            return status is >= 200 and < 300 ? (true, status, null) : (false, status, $"服务器返回 {status}");
        }
    }

    /// <summary>HEAD, then GET when HEAD is refused (4xx, 5xx) or fails without timing out: the status and the redirect target, or why there was no answer.</summary>
    private async Task<(int? Status, string? Location, string? Problem)> RequestAsync(Uri url, CancellationToken cancellationToken)
    {
        var head = await SendAsync(HttpMethod.Head, url, cancellationToken);
        // Many servers (and the firewalls in front of government sites) answer HEAD with 403, 404
        // or 405 where GET works: any refusal of HEAD is asked again with GET.
        if (head.Status is < 400 || head.TimedOut)
        {
            // A server that does not answer HEAD within the time limit is not asked a second time.
            return (head.Status, head.Location, head.Problem);
        }

        var get = await SendAsync(HttpMethod.Get, url, cancellationToken);
        return (get.Status, get.Location, get.Problem);
    }

    private async Task<(int? Status, string? Location, string? Problem, bool TimedOut)> SendAsync(HttpMethod method, Uri url, CancellationToken cancellationToken)
    {
        var turn = TurnOf(url.Host);
        await turn.WaitAsync(cancellationToken);
        try
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), NextOf(url.Host));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            return await SendNowAsync(method, url, cancellationToken);
        }
        finally
        {
            // The next request to this host goes a full second after this one's answer (or
            // failure), so the host sees at most one a second however long the way there took.
            lock (_hostsLock)
            {
                _hosts[url.Host] = (turn, Stopwatch.GetTimestamp() + (long)(HostSpacing.TotalSeconds * Stopwatch.Frequency));
            }

            turn.Release();
        }
    }

    private async Task<(int? Status, string? Location, string? Problem, bool TimedOut)> SendNowAsync(HttpMethod method, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.LinkTimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(method, url);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var location = response.Headers.Location?.OriginalString;
            return ((int)response.StatusCode, location, null, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, $"{options.Value.LinkTimeoutSeconds} 秒内无响应", true);
        }
        catch (HttpRequestException exception) when (exception.InnerException is InternalAddressException)
        {
            return (null, null, "地址指向内部网络，未检查（外部读者也无法访问）", false);
        }
        catch (HttpRequestException exception)
        {
            logger.LogInformation("Link check of {Url} failed: {Error}", url, exception.Message);
            return (null, null, "无法连接", false);
        }
    }

    private SemaphoreSlim TurnOf(string host)
    {
        lock (_hostsLock)
        {
            if (!_hosts.TryGetValue(host, out var entry))
            {
                entry = (new SemaphoreSlim(1, 1), 0);
                _hosts[host] = entry;
            }

            return entry.Turn;
        }
    }

    private long NextOf(string host)
    {
        lock (_hostsLock)
        {
            return _hosts[host].Next;
        }
    }
}
