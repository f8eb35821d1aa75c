using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Portal.Core.Articles;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Lists;

/// <summary>
/// The list's query as SQL Server would receive it (no server is reachable here: the SQL is
/// generated and parsed offline): valid T-SQL for every order, and a search that neither builds a
/// LIKE pattern from the typed text unescaped nor leaves it case-sensitive.
/// </summary>
public sealed class ListQuerySqlServerTests
{
    [Fact]
    public void ListQuery_OnSqlServer_IsValidTSqlWithALiteralSearch()
    {
        using var factory = PortalFactory.Empty(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Portal"] = "Server=127.0.0.1,1;Database=portal;User Id=sa;Password=unused;TrustServerCertificate=True",
            ["Database:MigrateOnStartup"] = "false",
            ["Publishing:Enabled"] = "false",
        });
        using var scope = factory.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<EditorialQueries>();

        foreach (var key in Enum.GetValues<ArticleSortKey>())
        {
            foreach (var descending in new[] { false, true })
            {
                var sql = queries.ListQuery(new ArticleFilter(Search: "100% a_B [x]", PendingChange: true), new ArticleSort(key, descending), [1, 2]).Skip(20).Take(20).ToQueryString();
                new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
                Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
                Assert.Contains("LOWER([a].[BodyMarkdown])", sql, StringComparison.Ordinal);

                // The typed words travel as parameters, lower-cased, with their pattern characters
                // escaped for a LIKE that names its escape character.
                Assert.Contains(@"N'%100\%%'", sql, StringComparison.Ordinal);
                Assert.Contains(@"N'%a\_b%'", sql, StringComparison.Ordinal);
                Assert.Contains(@"N'%\[x]%'", sql, StringComparison.Ordinal);
                Assert.Contains(@"LIKE @word_contains ESCAPE N'\'", sql, StringComparison.Ordinal);
            }
        }
    }
}
