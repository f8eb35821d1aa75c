using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Core.Data;

namespace Portal.Core.Backup;

/// <summary>
/// What a provider needs around inserting rows with their archived ids into identity columns.
/// Chosen once per restore from the context's provider (<see cref="For"/>). This base does nothing,
/// which is right for SQLite: its <c>AUTOINCREMENT</c> follows explicit ids by itself.
/// </summary>
internal class ExplicitIdInsertion(PortalDbContext db)
{
    private const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected PortalDbContext Db => db;

    /// <summary>The strategy of <paramref name="db"/>'s provider.</summary>
    public static ExplicitIdInsertion For(PortalDbContext db) => db.Database.ProviderName switch
    {
        SqlServerProvider => new SqlServerIdentityInsert(db),
        NpgsqlProvider => new PostgreSqlSequenceReset(db),
        _ => new ExplicitIdInsertion(db),
    };

    /// <summary>Before <paramref name="table"/>'s rows are inserted (and only if it has any).</summary>
    public virtual Task BeforeTableAsync(BackupTable table, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After <paramref name="table"/>'s rows were inserted.</summary>
    public virtual Task AfterTableAsync(BackupTable table, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After every table was filled, still inside the transaction.</summary>
    public virtual Task AfterAllTablesAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The key column whose values the database generates (an identity or serial column): a
    /// single integer key generated on add. Every other key is a string the application makes.
    /// </summary>
    protected string? IdentityKeyColumn(BackupTable table)
    {
        var key = db.Model.FindEntityType(table.ClrType)!.FindPrimaryKey()!.Properties;
        return key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd && (key[0].ClrType == typeof(int) || key[0].ClrType == typeof(long))
            ? key[0].GetColumnName()
            : null;
    }

    /// <summary>The table's name, schema-qualified and quoted the provider's way (<c>"Articles"</c>, <c>[Articles]</c>).</summary>
    protected string DelimitedTableName(BackupTable table)
    {
        var entity = db.Model.FindEntityType(table.ClrType)!;
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    protected string Delimit(string identifier) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);
}
