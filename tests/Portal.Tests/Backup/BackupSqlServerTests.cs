using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Portal.Core.Accounts;
using Portal.Core.Articles;
using Portal.Core.Backup;
using Portal.Core.Data;
using Portal.Core.Media;
using Portal.Core.Search;
using Portal.Tests.Import;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Backup;

/// <summary>
/// Restore into SQL Server, as far as a machine without SQL Server can check it: the T-SQL that
/// EF Core's SQL Server provider sends for a real archive is recorded (nothing is executed), parsed
/// with ScriptDom, and checked against the rules SQL Server enforces for explicit ids: an insert
/// into an identity column only while IDENTITY_INSERT is on for that table, on for one table at a
/// time, everything in one transaction. Whether a live server accepts it is not verified here
/// (docs/deploy-sqlserver.md).
/// </summary>
[Trait("Store", TestDatabase.ExplicitProvider)]
public sealed class BackupSqlServerTests
{
    [Fact]
    public async Task Restore_IntoSqlServer_InsertsEveryRowWithItsIdUnderIdentityInsert_InOneTransaction()
    {
        using var folder = TempFolder.Create();
        using var source = await BackupTestSupport.SeededSourceAsync(sqlite: true);
        var file = Path.Combine(folder.Path, "site.zip");
        var exported = await BackupTestSupport.ExportAsync(source, file);
        var expectedRows = await source.WithDbAsync(CountRowsPerTableAsync);

        using var connection = new RecordingSqlServerConnection();
        await using var db = SqlServerContext(connection);
        var service = new BackupService(db, new MediaFolder(Path.Combine(folder.Path, "target-media")), new MarkdownRenderer(), TimeProvider.System, NullLogger<BackupService>.Instance);

        var restored = await service.RestoreAsync(file, force: true);

        Assert.Equal(exported.Rows, restored.Rows);
        Assert.Equal(1, connection.Commits);
        Assert.Equal(0, connection.Rollbacks);
        Assert.NotEmpty(connection.Commands);
        Assert.All(connection.Commands, c => Assert.True(c.InTransaction, $"Sent outside the transaction: {c.Text}"));

        // The SQL Server model says which keys are identity columns: the service must not guess.
        var model = db.GetService<IDesignTimeModel>().Model;
        var identityKeys = model.GetEntityTypes()
            .Select(e => (Table: e.GetTableName()!, Key: e.FindPrimaryKey()!.Properties))
            .Where(t => t.Key.Count == 1 && SqlServerPropertyExtensions.GetValueGenerationStrategy(t.Key[0]) == SqlServerValueGenerationStrategy.IdentityColumn)
            .ToDictionary(t => t.Table, t => t.Key[0].GetColumnName(), StringComparer.Ordinal);
        Assert.Contains("Articles", identityKeys.Keys);
        Assert.Contains("AuditEntries", identityKeys.Keys);

        var inserted = new Dictionary<string, int>(StringComparer.Ordinal);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var switchedOn = new List<string>();
        string? identityInsertOn = null;
        string? lastInsert = null;
        foreach (var statement in connection.Commands.SelectMany(c => Parse(c.Text)))
        {
            switch (statement)
            {
                case SetIdentityInsertStatement set:
                    var setTable = set.Table.BaseIdentifier.Value;
                    Assert.True(identityKeys.ContainsKey(setTable), $"IDENTITY_INSERT on {setTable}, which has no identity column.");
                    if (set.IsOn)
                    {
                        Assert.True(identityInsertOn is null, $"IDENTITY_INSERT is on for {identityInsertOn} and {setTable} at once; SQL Server refuses that.");
                        identityInsertOn = setTable;
                        switchedOn.Add(setTable);
                    }
                    else
                    {
                        Assert.Equal(setTable, identityInsertOn);
                        identityInsertOn = null;
                    }

                    break;

                case InsertStatement insert when TableName(insert.InsertSpecification.Target) == "ContentChanges":
                    // The change log is the target's own (not carried): its rows take generated ids,
                    // never explicit ones, whichever table's IDENTITY_INSERT is on meanwhile.
                    Assert.DoesNotContain("Id", insert.InsertSpecification.Columns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value));
                    lastInsert = "ContentChanges";
                    break;

                case InsertStatement insert:
                    var table = TableName(insert.InsertSpecification.Target);
                    lastInsert = table;
                    Assert.True(deleted.Contains(table), $"{table} was filled before it was emptied.");
                    if (identityKeys.TryGetValue(table, out var keyColumn))
                    {
                        Assert.True(identityInsertOn == table, $"Insert into {table} with IDENTITY_INSERT on for \"{identityInsertOn}\"; SQL Server refuses explicit ids then.");
                        Assert.Contains(keyColumn, insert.InsertSpecification.Columns.Select(c => c.MultiPartIdentifier.Identifiers[^1].Value));
                    }

                    var values = Assert.IsType<ValuesInsertSource>(insert.InsertSpecification.InsertSource);
                    inserted[table] = inserted.GetValueOrDefault(table) + values.RowValues.Count;
                    break;

                case DeleteStatement delete:
                    Assert.Null(delete.DeleteSpecification.WhereClause);
                    deleted.Add(TableName(delete.DeleteSpecification.Target, delete.DeleteSpecification.FromClause));
                    break;

                case UpdateStatement update:
                    Assert.Equal("Sections", TableName(update.UpdateSpecification.Target, update.UpdateSpecification.FromClause));
                    break;

                case PredicateSetStatement:
                case SaveTransactionStatement:
                    // SET NOCOUNT ON before EF's batches, and the savepoint EF takes before each
                    // SaveChanges inside a transaction.
                    break;

                default:
                    Assert.Fail($"Unexpected statement in a restore: {statement.GetType().Name}");
                    break;
            }
        }

        Assert.Null(identityInsertOn);
        // Last of all, the "rebuild everything" row that tells every search indexer to start again.
        Assert.Equal("ContentChanges", lastInsert);
        // MediaUses is not carried but emptied too: the restored articles' saves write it again;
        // so are the inspection runs (their findings go with them): they describe the replaced content.
        Assert.Equal(expectedRows.Keys.Append("MediaUses").Append("InspectionRuns").Order(StringComparer.Ordinal), deleted.Order(StringComparer.Ordinal));
        // The uses of the restored articles' files are written by the articles' save (MediaUseRecorder).
        Assert.True(inserted.Remove("MediaUses"), "The restore wrote no media uses.");
        Assert.Equal(expectedRows.Where(t => t.Value > 0).OrderBy(t => t.Key, StringComparer.Ordinal), inserted.OrderBy(t => t.Key, StringComparer.Ordinal));
        Assert.Equal(
            expectedRows.Where(t => t.Value > 0 && identityKeys.ContainsKey(t.Key)).Select(t => t.Key).Order(StringComparer.Ordinal),
            switchedOn.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_FromSqlServer_ReadsEveryTableInOneRepeatableReadTransaction()
    {
        using var folder = TempFolder.Create();
        using var connection = new RecordingSqlServerConnection();
        await using var db = SqlServerContext(connection);
        var service = new BackupService(db, new MediaFolder(Path.Combine(folder.Path, "media")), new MarkdownRenderer(), TimeProvider.System, NullLogger<BackupService>.Instance);

        // The recording connection answers every query with no rows: an empty store.
        var exported = await service.ExportAsync(Path.Combine(folder.Path, "site.zip"));

        Assert.Equal(0, exported.Rows);
        Assert.Equal(1, connection.Commits);
        Assert.Equal(System.Data.IsolationLevel.RepeatableRead, connection.LastIsolationLevel);
        Assert.All(connection.Commands, c => Assert.True(c.InTransaction, $"Read outside the transaction: {c.Text}"));
        var read = connection.Commands.SelectMany(c => Parse(c.Text))
            .Select(statement => Assert.IsType<SelectStatement>(statement).QueryExpression)
            .Select(query => Assert.IsType<QuerySpecification>(query).FromClause.TableReferences.Single())
            .Select(table => TableName(table))
            .ToList();
        Assert.Equal(CarriedTables(db.Model).Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    private static PortalDbContext SqlServerContext(RecordingSqlServerConnection connection) =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlServer(connection, x => x.MigrationsAssembly("Portal.Migrations.SqlServer"))
            .Options);

    /// <summary>Rows per table of the source store, by table name.</summary>
    /// <summary>The tables an archive carries: all but the change log, which stays the target's own.</summary>
    private static IEnumerable<string> CarriedTables(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyModel model) =>
        model.GetEntityTypes().Where(e => e.ClrType != typeof(ContentChange) && e.ClrType != typeof(StaffSession) && e.ClrType != typeof(PasswordHistoryEntry) && e.ClrType != typeof(Portal.Core.Preview.PreviewLink) && e.ClrType != typeof(Portal.Core.Media.MediaUse)
            && e.ClrType.Namespace != typeof(Portal.Core.Inspection.InspectionRun).Namespace).Select(e => e.GetTableName()!).Distinct();

    private static async Task<Dictionary<string, int>> CountRowsPerTableAsync(PortalDbContext db)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in CarriedTables(db.Model))
        {
            // Names come from the model.
            var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"";
            counts[table] = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
        }

        return counts;
    }

    private static List<TSqlStatement> Parse(string sql)
    {
        var script = (TSqlScript)new TSql160Parser(true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0, $"Not valid T-SQL ({string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}):\n{sql}");
        return script.Batches.SelectMany(b => b.Statements).ToList();
    }

    /// <summary>
    /// The table a statement writes to. EF writes <c>DELETE FROM [a] FROM [Articles] AS [a]</c>:
    /// a target that names an alias of the FROM clause stands for that clause's table.
    /// </summary>
    private static string TableName(TableReference target, FromClause? from = null)
    {
        var name = Assert.IsType<NamedTableReference>(target).SchemaObject.BaseIdentifier.Value;
        var aliased = from?.TableReferences.OfType<NamedTableReference>().FirstOrDefault(t => t.Alias?.Value == name);
        return aliased?.SchemaObject.BaseIdentifier.Value ?? name;
    }
}
