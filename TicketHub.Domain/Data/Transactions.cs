using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Data;

/// <summary>
/// Runs a unit of work in one transaction on the primary, committing on success and rolling back on a domain error.
/// A transient write conflict (SQLite busy/locked, PostgreSQL serialization failure or deadlock) re-runs the whole
/// unit a bounded number of times; the work must therefore only touch the database.
/// </summary>
internal static class Transactions
{
    private const int MaxAttempts = 6;

    public static async Task<Result<T>> RunAsync<T>(
        IDbContextFactory<TicketHubDbContext> dbFactory, Func<TicketHubDbContext, Task<Result<T>>> work, CancellationToken ct,
        Durability durability = Durability.Flushed)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var gate = db.Database.IsSqlite() ? SqliteWriteGate.For(db.Database.GetConnectionString()!) : null;
            if (gate is not null) await gate.WaitAsync(ct);
            try
            {
                // On SQLite this is BEGIN IMMEDIATE: the write lock is taken up front, so two writers never deadlock
                // upgrading read locks.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                try
                {
                    if (durability == Durability.Deferred && db.Database.IsNpgsql())
                        await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
                    var result = await work(db);
                    if (result.IsSuccess) await tx.CommitAsync(ct);
                    else await tx.RollbackAsync(ct);
                    return result;
                }
                catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
                {
                    await tx.RollbackAsync(CancellationToken.None);
                }
            }
            finally
            {
                gate?.Release();
            }
            await BackOffAsync(attempt, ct);
        }
    }

    /// <summary>
    /// Runs work that is a single autocommitted statement (its own transaction, no BEGIN or COMMIT round trips),
    /// re-running it on a transient conflict as <see cref="RunAsync{T}"/> does.
    /// </summary>
    public static async Task<Result<T>> RunStatementAsync<T>(Func<Task<Result<T>>> statement, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await statement();
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
            {
            }
            await BackOffAsync(attempt, ct);
        }
    }

    private static Task BackOffAsync(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), ct);

    public static bool IsTransient(Exception ex) => ex switch
    {
        ConcurrentChangeException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,          // SQLITE_BUSY, SQLITE_LOCKED
        PostgresException pg => pg.SqlState is "40001" or "40P01",         // serialization_failure, deadlock_detected
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    public static bool IsUniqueViolation(Exception ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException pg => pg.SqlState == "23505",
        DbUpdateException { InnerException: { } inner } => IsUniqueViolation(inner),
        _ => false,
    };
}

/// <summary>When a committed unit of work must be on disk.</summary>
internal enum Durability
{
    /// <summary>Before the commit returns.</summary>
    Flushed,

    /// <summary>
    /// Up to a fraction of a second later (PostgreSQL's synchronous_commit=off for this transaction alone; SQLite in
    /// WAL mode with synchronous=NORMAL already works this way). Only for writes that a database crash may lose
    /// because they are derived again from elsewhere; the database itself stays consistent either way.
    /// </summary>
    Deferred,
}

/// <summary>A conditional write found the row changed since it was read; the unit of work runs again.</summary>
internal sealed class ConcurrentChangeException() : Exception("The row changed concurrently.");
