using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// The three migration sets never part: each matches the model (no pending changes), and all
/// hold the same migrations under the same names. Contexts come from the app's own provider
/// switch, configured as an operator would; nothing here needs a database server.
/// </summary>
[Trait("Store", TestDatabase.ExplicitProvider)]
public sealed class MigrationTests
{
    private static readonly Dictionary<string, string> ConnectionStrings = new()
    {
        ["Sqlite"] = "Data Source=unused.db",
        ["SqlServer"] = "Server=127.0.0.1,1;Database=portal;User Id=sa;Password=unused;TrustServerCertificate=True",
        ["PostgreSql"] = "Host=127.0.0.1;Port=1;Database=portal;Username=postgres",
    };

    private static readonly string[] ProviderNames = ["Sqlite", "SqlServer", "PostgreSql"];

    public static TheoryData<string> Providers => new(ProviderNames);

    [Theory]
    [MemberData(nameof(Providers))]
    public void MigrationSet_MatchesTheModel(string provider)
    {
        using var factory = ServerlessFactory(provider);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.Equal($"Portal.Migrations.{provider}", db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes that the {provider} migration set lacks: add a migration to all three sets.");
    }

    [Fact]
    public void MigrationSets_HaveTheSameMigrations()
    {
        var sets = ProviderNames.Select(provider =>
        {
            using var factory = ServerlessFactory(provider);
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetMigrations().ToList();
        }).ToList();

        Assert.NotEmpty(sets[0]);
        Assert.Equal(sets[0], sets[1]);
        Assert.Equal(sets[0], sets[2]);
    }

    [Fact]
    public void SqlServerIdempotentScript_ParsesAsTSqlAndCreatesEveryTable()
    {
        using var factory = ServerlessFactory("SqlServer");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()))
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }

        foreach (var index in db.Model.GetEntityTypes().SelectMany(t => t.GetIndexes()).Select(i => i.GetDatabaseName()))
        {
            Assert.Matches($@"CREATE (UNIQUE )?INDEX \[{index}\]", script);
        }

        // Chinese text needs Unicode columns on SQL Server: no string column may be varchar.
        Assert.Contains("[Title] nvarchar(200)", script);
        Assert.DoesNotMatch(@"\] varchar\(", script);
    }

    [Fact]
    public void PublicQueries_OnSqlServer_TranslateToValidTSql()
    {
        using var factory = ServerlessFactory("SqlServer");
        using var scope = factory.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<Portal.Core.Articles.ArticleQueries>();

        string[] sql =
        [
            queries.ListQuery([1, 2, 3]).Skip(20).Take(20).ToQueryString(),
            queries.FindQuery("5b08752f639c").ToQueryString(),
            queries.LatestQuery([1, 2], 20).ToQueryString(),
            queries.LatestQuery(null, 20).ToQueryString(),
            queries.DatesQuery(50_000, 50_000).ToQueryString(),
            queries.ListQuery([1, 2, 3], DateTime.UtcNow).Skip(20).Take(20).ToQueryString(),
            queries.PinnedQuery([1, 2, 3], DateTime.UtcNow).Skip(0).Take(20).ToQueryString(),
        ];

        foreach (var statement in sql)
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(statement), out var errors);
            Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        }

        // Deterministic paging (id as tie-breaker) and OFFSET paging on SQL Server.
        Assert.Contains("ORDER BY [a].[PublishedAt] DESC, [a].[Id] DESC", sql[0]);
        Assert.Contains("OFFSET", sql[0]);
        Assert.Contains("ORDER BY [a].[Id]", sql[4]);
        Assert.Contains("OFFSET", sql[4]);
    }

    private static PortalFactory ServerlessFactory(string provider) => PortalFactory.Empty(new Dictionary<string, string?>
    {
        ["Database:Provider"] = provider,
        ["ConnectionStrings:Portal"] = ConnectionStrings[provider],
        ["Database:MigrateOnStartup"] = "false",
        ["Publishing:Enabled"] = "false", // no server is there to poll
    });
}
