using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Data;

/// <summary>Retries of transient write conflicts, and how to tell the database's answers apart.</summary>
internal static class Transactions
{
    public const int MaxAttempts = 6;

    /// <summary>
    /// Runs work that is a single autocommitted statement (its own transaction, no BEGIN or COMMIT round trips),
    /// re-running it a bounded number of times on a transient conflict, as <see cref="IWriteUnits"/> does for units.
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

    public static Task BackOffAsync(int attempt, CancellationToken ct) =>
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

/// <summary>A conditional write found the row changed since it was read; the unit of work runs again.</summary>
internal sealed class ConcurrentChangeException() : Exception("The row changed concurrently.");
