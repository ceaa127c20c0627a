using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Data;

/// <summary>
/// Per-connection SQLite settings: WAL (set once, stored in the file) with synchronous=NORMAL is the documented safe
/// pairing — a power cut may lose the last commits but never corrupts the file; busy_timeout makes SQLite itself wait
/// for a lock held by another process instead of failing at once. Both last as long as the pooled connection, so each
/// is set once per connection, not on every open (a browse request opens one or two).
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    private static readonly ConditionalWeakTable<object, object> Tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        if (Tuned.TryGetValue(handle, out _)) return;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
        Tuned.TryAdd(handle, Pragmas);
    }
}

/// <summary>
/// Gives SQLite's SQL the .NET text-key rule (<see cref="TextKey"/>) under <see cref="TextKey.SqliteFunction"/>, for
/// migrations that fill key columns of existing rows. Only the connections that migrate get it: a function registered
/// on a connection is registered again on its every open.
/// </summary>
public sealed class SqliteTextKeyFunction : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => AddTo(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        AddTo(connection);
        return Task.CompletedTask;
    }

    public static void AddTo(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction<string?, string?>(TextKey.SqliteFunction, TextKey.From, isDeterministic: true);
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
