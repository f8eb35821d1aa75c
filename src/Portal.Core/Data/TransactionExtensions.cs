using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Data;

/// <summary>Units of work that need more than one <c>SaveChanges</c> (see docs/decisions/0003-transactions.md).</summary>
public static class TransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction, through the provider's execution
    /// strategy, and commits when <paramref name="commit"/> approves its result (by default always;
    /// an exception rolls back). Under a retrying strategy (SQL Server or PostgreSQL with
    /// <c>EnableRetryOnFailure</c>) the whole unit is retried, where a bare
    /// <c>BeginTransaction</c> would be refused.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this PortalDbContext db, Func<Task<T>> work, Func<T, bool>? commit = null, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(work, commit, isolationLevel: null, cancellationToken);

    /// <summary>
    /// <see cref="InTransactionAsync{T}(PortalDbContext, Func{Task{T}}, Func{T, bool}?, CancellationToken)"/>
    /// at the given <paramref name="isolationLevel"/>; null is the provider's default (read
    /// committed on SQL Server and PostgreSQL; SQLite is always serializable).
    /// </summary>
    /// <remarks>
    /// Called inside a unit that is already running (a transaction is open on the context), the
    /// work joins it: the outer unit commits or rolls back everything, and this unit's
    /// <paramref name="commit"/> is not asked (the Word import stores images and creates the
    /// draft through <c>EditorialService.CreateAsync</c> as one unit).
    /// </remarks>
    public static Task<T> InTransactionAsync<T>(this PortalDbContext db, Func<Task<T>> work, Func<T, bool>? commit, IsolationLevel? isolationLevel, CancellationToken cancellationToken = default) =>
        db.Database.CurrentTransaction is not null ? work() : db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = isolationLevel is { } level
                ? await db.Database.BeginTransactionAsync(level, cancellationToken)
                : await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            if (commit?.Invoke(result) ?? true)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        });
}
