using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.SqlClient;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A connection that stands where SQL Server would, for the one thing this machine can check
/// without a server: which T-SQL EF Core's SQL Server provider sends, in which order, and in which
/// transaction. It executes nothing; every command answers "no rows". Parameters are real
/// <see cref="SqlParameter"/>s, so the provider's type mappings run exactly as against a server.
/// </summary>
internal sealed class RecordingSqlServerConnection : DbConnection
{
    private ConnectionState state = ConnectionState.Closed;

    /// <summary>Every command text, in the order sent, with whether it ran in the open transaction.</summary>
    public List<RecordedCommand> Commands { get; } = [];

    public int Commits { get; private set; }

    public int Rollbacks { get; private set; }

    /// <summary>The isolation level of the last transaction begun.</summary>
    public IsolationLevel? LastIsolationLevel { get; private set; }

    internal RecordingTransaction? Current { get; private set; }

    [AllowNull]
    public override string ConnectionString { get; set; } = "Server=recording;Database=portal;TrustServerCertificate=True";

    public override string Database => "portal";

    public override string DataSource => "recording";

    public override string ServerVersion => "16.00.1000";

    public override ConnectionState State => state;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Open() => state = ConnectionState.Open;

    public override void Close() => state = ConnectionState.Closed;

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (Current is not null)
        {
            throw new InvalidOperationException("SQL Server does not support parallel transactions.");
        }

        LastIsolationLevel = isolationLevel;
        Current = new RecordingTransaction(this, isolationLevel);
        return Current;
    }

    protected override DbCommand CreateDbCommand() => new RecordingCommand(this);

    internal void End(bool committed)
    {
        if (committed)
        {
            Commits++;
        }
        else
        {
            Rollbacks++;
        }

        Current = null;
    }

    internal void Record(DbCommand command)
    {
        if (state != ConnectionState.Open)
        {
            throw new InvalidOperationException("ExecuteReader requires an open and available Connection.");
        }

        Commands.Add(new RecordedCommand(command.CommandText, Current is not null && ReferenceEquals(command.Transaction, Current)));
    }
}

internal sealed record RecordedCommand(string Text, bool InTransaction);

internal sealed class RecordingTransaction(RecordingSqlServerConnection connection, IsolationLevel isolationLevel) : DbTransaction
{
    private bool ended;

    public override IsolationLevel IsolationLevel => isolationLevel;

    protected override DbConnection DbConnection => connection;

    public override void Commit() => End(committed: true);

    public override void Rollback() => End(committed: false);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !ended)
        {
            End(committed: false);
        }

        base.Dispose(disposing);
    }

    private void End(bool committed)
    {
        if (ended)
        {
            throw new InvalidOperationException("This transaction has completed; it is no longer usable.");
        }

        ended = true;
        connection.End(committed);
    }
}

internal sealed class RecordingCommand(RecordingSqlServerConnection connection) : DbCommand
{
    // Holds the parameter collection only: a SqlParameterCollection, as on a real SqlCommand.
    private readonly SqlCommand parameters = new();

    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout { get; set; } = 30;

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override UpdateRowSource UpdatedRowSource { get; set; }

    public override bool DesignTimeVisible { get; set; }

    protected override DbConnection? DbConnection { get; set; } = connection;

    protected override DbParameterCollection DbParameterCollection => parameters.Parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override void Prepare()
    {
    }

    public override int ExecuteNonQuery()
    {
        connection.Record(this);
        return 0;
    }

    public override object? ExecuteScalar()
    {
        connection.Record(this);
        return null;
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        connection.Record(this);

        // An insert with a generated key reads the key back (OUTPUT INSERTED.[Id]): one row with
        // one value keeps EF's bookkeeping satisfied. Every other query reads an empty store.
        using var table = new DataTable();
        if (CommandText.Contains("OUTPUT INSERTED.", StringComparison.Ordinal))
        {
            table.Columns.Add("Id", typeof(long));
            table.Rows.Add(1L);
        }

        return table.CreateDataReader();
    }

    protected override DbParameter CreateDbParameter() => new SqlParameter();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            parameters.Dispose();
        }

        base.Dispose(disposing);
    }
}
