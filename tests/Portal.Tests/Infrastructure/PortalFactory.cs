using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real portal in process, on its own SQLite file in a temp data folder, migrated by the
/// same start-up code as production. Settings are changed through configuration, not by
/// replacing services.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public PortalFactory(IDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());

        // On the PostgreSQL pass, a factory that names no provider gets a fresh PostgreSQL
        // database; its own settings (Import:SeedOnStartup=false for Empty()) still win.
        if (TestDatabase.IsPostgreSql && !_settings.ContainsKey("Database:Provider"))
        {
            foreach (var (key, value) in TestDatabase.PostgreSqlSettings())
            {
                _settings.TryAdd(key, value);
            }
        }

        // The rate limits are generous here, so that no test meets a 429 it did not ask for (all
        // TestServer requests share one partition: they carry no client address). A test of the
        // limits lowers them through its own settings.
        foreach (var (key, value) in GenerousRateLimits)
        {
            _settings.TryAdd(key, value);
        }

        // The background inspection writes a run at start-up: off unless a test asks for it, so
        // that other tests' stores, audit logs and query counts stay their own.
        _settings.TryAdd("Inspection:Enabled", "false");

        // TestServer answers at http://localhost: that is the address the app is told it listens
        // on, which absolute links name while Site:BaseUrl is not set.
        _settings.TryAdd("Urls", "http://localhost");

        DataPath = _settings.GetValueOrDefault("Storage:DataPath")
            ?? Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        _settings["Storage:DataPath"] = DataPath;
        Directory.CreateDirectory(DataPath);
    }

    private static readonly Dictionary<string, string?> GenerousRateLimits = new()
    {
        ["RateLimits:SignInPerIpPermits"] = "1000000",
        ["RateLimits:SignInPerAccountPermits"] = "1000000",
        ["RateLimits:SearchPerIpPermits"] = "1000000",
        ["RateLimits:FormsPerIpPermits"] = "1000000",
        ["RateLimits:PreviewPerIpPermits"] = "1000000",
    };

    /// <summary>The settings this factory gives the app (store included), for a second host on the same store.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>The factory's data folder (database, logs, keys): its own temp folder unless <c>Storage:DataPath</c> is given.</summary>
    public string DataPath { get; }

    /// <summary>A factory whose store starts empty: seeding on start-up is off.</summary>
    public static PortalFactory Empty(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Import:SeedOnStartup"] = "false" };
        return new PortalFactory(all);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Serves the app on a real Kestrel server on a free loopback port instead of TestServer, and
    /// returns its address: for what only a real server has (the client's address, Kestrel's
    /// limits and header checks, the Server header). Call it before anything else starts the host.
    /// </summary>
    public Uri StartLoopbackServer()
    {
        UseKestrel(0);
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    /// <summary>Runs <paramref name="action"/> with a fresh context from the app's own container.</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Runs <paramref name="action"/> with a service scope of the app.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>A client that sends <paramref name="host"/> as its Host header (as anyone may) and does not follow redirects.</summary>
    public HttpClient CreateClientWithHost(string host)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = host;
        return client;
    }

    /// <summary>GETs <paramref name="url"/> and parses the answer with AngleSharp.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> GetDocumentAsync(string url, HttpClient? client = null)
    {
        client ??= CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>GETs <paramref name="url"/> and parses the answer as XML (feeds, sitemaps); no redirects are followed.</summary>
    public async Task<(HttpResponseMessage Response, XDocument Document)> GetXmlAsync(string url, HttpClient? client = null)
    {
        client ??= CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        await using var body = await response.Content.ReadAsStreamAsync();
        return (response, await XDocument.LoadAsync(body, LoadOptions.None, CancellationToken.None));
    }

    /// <summary>Parses an answer's HTML with AngleSharp (a POST's answer, or one fetched some other way).</summary>
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await ParseAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Parses HTML with AngleSharp.</summary>
    public static async Task<IDocument> ParseAsync(string html) => await new HtmlParser().ParseDocumentAsync(html);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();

            // On the PostgreSQL pass each factory has its own database and pool: free the
            // connections now rather than after Npgsql's idle timeout, or the server runs out.
            Npgsql.NpgsqlConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A log file still being flushed: the temp folder is cleaned by the OS later.
            }
        }
    }
}
