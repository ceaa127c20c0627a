using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketHub.Domain.Data;

/// <summary>
/// Per-connection SQLite settings: WAL (set once, stored in the file) with synchronous=NORMAL is the documented safe
/// pairing — a power cut may lose the last commits but never corrupts the file; busy_timeout makes SQLite itself wait
/// for a lock held by another process instead of failing at once.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// SQLite lets one writer in at a time. Queuing this process's writers on an async gate, instead of letting them all
/// race for the file lock, keeps threads free (the provider sleeps a thread on every busy retry) and turns a flash
/// sale into a tidy queue. Other processes on the same file are still kept out by SQLite's own lock.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
}
