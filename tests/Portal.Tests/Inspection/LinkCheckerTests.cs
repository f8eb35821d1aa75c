using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Data;
using Portal.Core.Inspection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Inspection;

/// <summary>
/// The external link checker against a real Kestrel server on a loopback port: what it calls ok
/// and broken, HEAD then GET, its time limit, redirect loops, its spacing per host and its stored
/// results (a fake clock for the cache time).
/// </summary>
public sealed class LinkCheckerTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = PortalFactory.Empty();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 6, 1, 4, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<(string Method, string Path, DateTime At)> _requests = new();
    private WebApplication? _server;
    private Uri _base = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            _requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "", DateTime.UtcNow));
            await next(context);
        });
        app.MapMethods("/ok", ["GET", "HEAD"], () => Results.Ok());
        app.MapMethods("/missing", ["GET", "HEAD"], () => Results.NotFound());
        app.MapMethods("/nohead", ["HEAD"], () => Results.StatusCode(405));
        app.MapGet("/nohead", () => Results.Ok());
        app.MapMethods("/forbidhead", ["HEAD"], () => Results.StatusCode(403));
        app.MapGet("/forbidhead", () => Results.Ok());
        app.MapMethods("/slow", ["GET", "HEAD"], async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            return Results.Ok();
        });
        app.MapMethods("/loop-a", ["GET", "HEAD"], () => Results.Redirect("/loop-b"));
        app.MapMethods("/loop-b", ["GET", "HEAD"], () => Results.Redirect("/loop-a"));
        app.MapMethods("/moved", ["GET", "HEAD"], () => Results.Redirect("/ok"));
        app.MapMethods("/page/{n}", ["GET", "HEAD"], () => Results.Ok());
        await app.StartAsync();
        _server = app;
        _base = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _factory.Dispose();
    }

    [Theory]
    [InlineData("ok", true, 200)]
    [InlineData("moved", true, 200)]
    [InlineData("missing", false, 404)]
    public async Task Check_AnsweringAddress_OkOnlyForASuccess(string path, bool ok, int status)
    {
        var check = await CheckOneAsync(Url(path));

        Assert.Equal(ok, check.Ok);
        Assert.Equal(status, check.StatusCode);
        Assert.Equal(ok, check.Problem is null);
    }

    [Fact]
    public async Task Check_HeadRefusedWith405_AsksWithGetAndIsOk()
    {
        var check = await CheckOneAsync(Url("nohead"));

        Assert.True(check.Ok);
        Assert.Equal(["HEAD", "GET"], _requests.Where(r => r.Path == "/nohead").Select(r => r.Method));
    }

    [Fact]
    public async Task Check_NoAnswerWithinTheTimeLimit_IsBrokenWithoutAStatus()
    {
        var started = DateTime.UtcNow;

        var check = await CheckOneAsync(Url("slow"), timeoutSeconds: 1);

        Assert.False(check.Ok);
        Assert.Null(check.StatusCode);
        Assert.Contains("1 秒内无响应", check.Problem, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the time limit was not kept");
    }

    [Fact]
    public async Task Check_RedirectLoop_IsBrokenAndEnds()
    {
        var check = await CheckOneAsync(Url("loop-a"));

        Assert.False(check.Ok);
        Assert.Contains("重定向循环", check.Problem, StringComparison.Ordinal);
        Assert.True(_requests.Count(r => r.Path.StartsWith("/loop", StringComparison.Ordinal)) <= 2 * (LinkChecker.MaxRedirects + 1));
    }

    [Fact]
    public async Task Check_SeveralAddressesOnOneHost_AtMostOneRequestPerSecond()
    {
        var urls = Enumerable.Range(1, 4).Select(n => Url("page/" + n)).ToList();

        var results = await NewChecker().CheckAsync(urls);

        Assert.All(urls, u => Assert.True(results[u].Ok));
        var times = _requests.Where(r => r.Path.StartsWith("/page/", StringComparison.Ordinal)).Select(r => r.At).Order().ToList();
        Assert.Equal(4, times.Count);
        for (var i = 1; i < times.Count; i++)
        {
            // A little slack for the timer: the checker books whole seconds.
            Assert.True(times[i] - times[i - 1] >= TimeSpan.FromMilliseconds(950), $"requests {i - 1} and {i} were {(times[i] - times[i - 1]).TotalMilliseconds} ms apart");
        }
    }

    [Fact]
    public async Task Check_StoredResult_ReusedForADayThenAskedAgain()
    {
        var url = Url("ok");
        int Asked() => _requests.Count(r => r.Path == "/ok");

        await CheckOneAsync(url);
        _time.Advance(TimeSpan.FromHours(23));
        var cached = await CheckOneAsync(url);
        Assert.Equal(1, Asked());
        Assert.True(cached.Ok);

        _time.Advance(TimeSpan.FromHours(2));
        await CheckOneAsync(url);
        Assert.Equal(2, Asked());

        // One row per address, updated in place.
        var rows = await _factory.WithDbAsync(db => db.LinkChecks.Where(c => c.Url == url).ToListAsync());
        Assert.Equal(_time.GetUtcNow().UtcDateTime, Assert.Single(rows).CheckedAt);
    }

    [Fact]
    public async Task Check_HeadRefusedWith403ByAFirewall_AsksWithGetAndIsOk()
    {
        var check = await CheckOneAsync(Url("forbidhead"));

        Assert.True(check.Ok);
        Assert.Equal(["HEAD", "GET"], _requests.Where(r => r.Path == "/forbidhead").Select(r => r.Method));
    }

    [Fact]
    public async Task RegisteredChecker_AddressOfTheServersOwnNetwork_IsNotAskedAndSaysSo()
    {
        // The checker the portal registers (not the test's own client): loopback by address and by
        // name is refused before a connection is made.
        var byName = new UriBuilder(Url("/ok")) { Host = "localhost" }.Uri.AbsoluteUri;
        using var scope = _factory.Services.CreateScope();
        var results = await scope.ServiceProvider.GetRequiredService<LinkChecker>().CheckAsync([Url("/ok"), byName]);

        foreach (var url in new[] { Url("/ok"), byName })
        {
            Assert.False(results[url].Ok);
            Assert.Contains("内部网络", results[url].Problem);
        }

        Assert.DoesNotContain(_requests, r => r.Path == "/ok");
    }

    private string Url(string path) => new Uri(_base, path).AbsoluteUri;

    private async Task<LinkCheck> CheckOneAsync(string url, int timeoutSeconds = 10)
    {
        var results = await NewChecker(timeoutSeconds).CheckAsync([url]);
        return results[url];
    }

    private LinkChecker NewChecker(int timeoutSeconds = 10)
    {
        var scope = _factory.Services.CreateScope();
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        return new LinkChecker(http, scope.ServiceProvider.GetRequiredService<PortalDbContext>(), _time,
            Options.Create(new InspectionOptions { LinkTimeoutSeconds = timeoutSeconds }), NullLogger<LinkChecker>.Instance);
    }
}
