using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Data;

/// <summary>
/// Runs a unit of work in one write transaction on the primary, committing on success and rolling back on a domain
/// error. A transient write conflict (SQLite busy/locked, PostgreSQL serialization failure or deadlock) re-runs the
/// unit a bounded number of times, so the work must only touch the database. Each provider has its own
/// implementation, chosen at start-up.
/// </summary>
public interface IWriteUnits
{
    Task<Result<T>> RunAsync<T>(Func<TicketHubDbContext, Task<Result<T>>> work, CancellationToken ct, Durability durability = Durability.Flushed);

    /// <summary>
    /// A unit that is one statement: on PostgreSQL it autocommits (no BEGIN or COMMIT round trips); on SQLite it joins
    /// the next batch like any unit.
    /// </summary>
    Task<Result<T>> RunStatementAsync<T>(Func<TicketHubDbContext, Task<Result<T>>> statement, CancellationToken ct);
}

/// <summary>When a committed unit of work must be on disk.</summary>
public enum Durability
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

/// <summary>PostgreSQL: one transaction per unit; concurrent units commit together in the server's own group commit.</summary>
internal sealed class PostgresWriteUnits(IDbContextFactory<TicketHubDbContext> dbFactory) : IWriteUnits
{
    public async Task<Result<T>> RunStatementAsync<T>(Func<TicketHubDbContext, Task<Result<T>>> statement, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Transactions.RunStatementAsync(() => statement(db), ct);
    }

    public async Task<Result<T>> RunAsync<T>(Func<TicketHubDbContext, Task<Result<T>>> work, CancellationToken ct, Durability durability)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                if (durability == Durability.Deferred) await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
                var result = await work(db);
                if (result.IsSuccess) await tx.CommitAsync(ct);
                else await tx.RollbackAsync(ct);
                return result;
            }
            catch (Exception ex) when (attempt < Transactions.MaxAttempts && Transactions.IsTransient(ex))
            {
                await tx.RollbackAsync(CancellationToken.None);
            }
            await Transactions.BackOffAsync(attempt, ct);
        }
    }
}

/// <summary>
/// SQLite lets one writer in at a time, so units queue here and run in batches: every unit that arrives while a batch
/// runs goes into the next one, and the whole batch is one BEGIN IMMEDIATE … COMMIT (group commit). Each unit runs
/// inside its own savepoint, so a unit's domain error or exception undoes that unit alone. A caller learns its
/// result only after the batch has committed.
/// </summary>
internal sealed class SqliteWriteUnits(IDbContextFactory<TicketHubDbContext> dbFactory, ILogger<SqliteWriteUnits> logger) : IWriteUnits, IDisposable
{
    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _running;
    private readonly object _start = new();

    public async Task<Result<T>> RunAsync<T>(Func<TicketHubDbContext, Task<Result<T>>> work, CancellationToken ct, Durability durability)
    {
        var unit = new Unit<T>(work, ct);
        EnsureRunning();
        await _queue.Writer.WriteAsync(unit, ct);
        return await unit.Completion;
    }

    public Task<Result<T>> RunStatementAsync<T>(Func<TicketHubDbContext, Task<Result<T>>> statement, CancellationToken ct) =>
        RunAsync(statement, ct, Durability.Flushed);

    private void EnsureRunning()
    {
        if (_running is not null) return;
        lock (_start) _running ??= Task.Run(() => new SqliteBatchLoop(dbFactory, logger).RunAsync(_queue.Reader));
    }

    public void Dispose() => _queue.Writer.TryComplete();

    internal abstract class Unit
    {
        public abstract CancellationToken Cancellation { get; }

        /// <summary>Runs the work on the batch's context; true when it succeeded and its changes are to be kept.</summary>
        public abstract Task<bool> RunAsync(TicketHubDbContext db);

        /// <summary>The result as the work returned it, delivered once the batch has committed.</summary>
        public abstract void Complete();

        public abstract void Fail(Exception ex);
    }

    private sealed class Unit<T>(Func<TicketHubDbContext, Task<Result<T>>> work, CancellationToken ct) : Unit
    {
        private readonly TaskCompletionSource<Result<T>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Result<T> _result;
        private Exception? _failure;

        public Task<Result<T>> Completion => _completion.Task;

        public override CancellationToken Cancellation => ct;

        public override async Task<bool> RunAsync(TicketHubDbContext db)
        {
            _failure = null;
            try
            {
                _result = await work(db);
                return _result.IsSuccess;
            }
            catch (Exception ex) when (!Transactions.IsTransient(ex))
            {
                _failure = ex;   // this unit's own bug or refusal: the others in the batch go on
                return false;
            }
        }

        public override void Complete()
        {
            if (_failure is not null) _completion.TrySetException(_failure);
            else _completion.TrySetResult(_result);
        }

        public override void Fail(Exception ex) => _completion.TrySetException(ex);
    }
}

/// <summary>The single writer of one SQLite database: takes queued units in batches and commits each batch once.</summary>
internal sealed class SqliteBatchLoop(IDbContextFactory<TicketHubDbContext> dbFactory, ILogger logger)
{
    private const int MaxBatch = 128;

    public async Task RunAsync(ChannelReader<SqliteWriteUnits.Unit> queue)
    {
        var batch = new List<SqliteWriteUnits.Unit>(MaxBatch);
        while (await queue.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.TryRead(out var unit))
                if (!unit.Cancellation.IsCancellationRequested) batch.Add(unit);
                else unit.Fail(new OperationCanceledException(unit.Cancellation));
            if (batch.Count == 0) continue;
            await RunBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task RunBatchAsync(List<SqliteWriteUnits.Unit> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            SemaphoreSlim? gate = null;
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                // Other processes on the same file wait on SQLite's own lock; this process's writers outside the
                // batches (if any) on the gate.
                var writers = SqliteWriteGate.For(db.Database.GetConnectionString()!);
                await writers.WaitAsync();
                gate = writers;
                await using var tx = await db.Database.BeginTransactionAsync();   // BEGIN IMMEDIATE: the write lock up front
                for (var i = 0; i < batch.Count; i++)
                {
                    var savepoint = "u" + i;
                    await tx.CreateSavepointAsync(savepoint);
                    if (await batch[i].RunAsync(db)) await tx.ReleaseSavepointAsync(savepoint);
                    else await tx.RollbackToSavepointAsync(savepoint);
                    db.ChangeTracker.Clear();
                }
                await tx.CommitAsync();
                foreach (var unit in batch) unit.Complete();
                return;
            }
            catch (Exception ex) when (attempt < Transactions.MaxAttempts && Transactions.IsTransient(ex))
            {
                // Busy or locked by another process: the whole batch runs again, each unit from the start.
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A batch of {Count} SQLite write units failed; each of them fails.", batch.Count);
                foreach (var unit in batch) unit.Fail(ex);
                return;
            }
            finally
            {
                gate?.Release();
            }
            await Transactions.BackOffAsync(attempt, CancellationToken.None);
        }
    }
}
