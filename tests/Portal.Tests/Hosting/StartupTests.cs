using System.Net;
using Microsoft.Extensions.Options;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hosting;

/// <summary>Start-up: configuration checks, the data folder, logs, and the error page in production.</summary>
[Trait("Store", TestDatabase.SqliteOnly)]
public sealed class StartupTests
{
    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    public void BadDatabaseProvider_StopsStartUp_NamingKeyAndAllowedValues(string provider)
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["Database:Provider"] = provider });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

        Assert.Contains("Database:Provider", error.Message);
        Assert.Contains("Sqlite, SqlServer, PostgreSql", error.Message);
    }

    [Fact]
    public void ServerProviderWithoutConnectionString_StopsStartUp_NamingTheKey()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql" });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

        Assert.Contains("ConnectionStrings:Portal", error.Message);
    }

    [Fact]
    public void BadTimeZone_StopsStartUp_NamingTheKey()
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { ["Site:TimeZone"] = "Mars/Olympus" });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

        Assert.Contains("Site:TimeZone", error.Message);
    }

    [Fact]
    public async Task Startup_FirstStart_CreatesDatabaseAndLogsInTheDataFolder()
    {
        using var factory = new PortalFactory();

        var (response, _) = await factory.GetDocumentAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "portal.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(factory.DataPath, "logs"), "portal-*.log"));
    }

    [Fact]
    public async Task DatabaseUnavailable_InProduction_Shows503ChinesePageWithoutStackTrace()
    {
        // A database that cannot be opened: every page that reads the store fails.
        using var factory = new ProductionPortalFactory(TestDatabase.UnreachableSqliteSettings());

        var (response, document) = await factory.GetDocumentAsync("/");
        var html = document.DocumentElement.OuterHtml;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("30", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("服务暂时不可用", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Portal.", html, StringComparison.Ordinal);
    }
}
