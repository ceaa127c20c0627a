using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Audit;

/// <summary>
/// Stores audit entries in batches on a background loop, so recording costs a request no database round trip. Entries
/// wait in a bounded queue; a database outage is retried without losing them, and an entry that finds the queue full
/// is written to the log instead (as an error, so it is seen). Entries queued at shutdown are stored before it ends.
/// </summary>
public sealed class AuditWriter(IDbContextFactory<TicketHubDbContext> dbFactory, ILogger<AuditWriter> logger) : BackgroundService
{
    private const int Capacity = 50_000;
    private const int BatchSize = 500;

    private readonly Channel<Item> _queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly record struct Item(AuditEntry? Entry, TaskCompletionSource? Flushed);

    public void Enqueue(AuditEntry entry)
    {
        if (_queue.Writer.TryWrite(new Item(entry, null))) return;
        logger.LogError("The audit queue is full; not stored: {Action} {Outcome} actor={ActorId} target={TargetType}/{TargetId} from {Address}: {Detail}",
            entry.Action, entry.Outcome, entry.ActorId, entry.TargetType, entry.TargetId, entry.ClientAddress, entry.Detail);
    }

    /// <summary>Completes once every entry queued before the call is stored (tests, and an orderly shutdown).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new Item(null, flushed), ct);
        await flushed.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEntry>(BatchSize);
        var waiting = new List<TaskCompletionSource>();
        // Runs until the host stops and then drains what is queued, so entries of the last requests are kept.
        while (await WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var item))
            {
                if (item.Entry is not null) batch.Add(item.Entry);
                else waiting.Add(item.Flushed!);
            }
            await StoreAsync(batch, stoppingToken);
            batch.Clear();
            foreach (var flushed in waiting) flushed.TrySetResult();
            waiting.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(ct);
    }

    private async Task<bool> WaitToReadAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await _queue.Reader.WaitToReadAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return _queue.Reader.TryPeek(out _);   // stopping: drain what is left, then end
        }
    }

    private async Task StoreAsync(List<AuditEntry> batch, CancellationToken stoppingToken)
    {
        if (batch.Count == 0) return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
                db.AuditEntries.AddRange(batch);
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            // DatabaseAvailability also names what EF wraps in InvalidOperationException ("likely due to a transient
            // failure") while the primary fails over; letting that escape would stop the whole host.
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or TimeoutException || DatabaseAvailability.IsUnavailable(ex))
            {
                if (stoppingToken.IsCancellationRequested && attempt >= 3)
                {
                    // Shutting down with the database away: the log is the last place these entries can go.
                    logger.LogError(ex, "Storing {Count} audit entries failed at shutdown; they follow in the log.", batch.Count);
                    foreach (var e in batch)
                        logger.LogError("Audit entry not stored: {At:O} {Action} {Outcome} actor={ActorId} target={TargetType}/{TargetId} from {Address}: {Detail}",
                            e.AtUtc, e.Action, e.Outcome, e.ActorId, e.TargetType, e.TargetId, e.ClientAddress, e.Detail);
                    return;
                }
                logger.LogError(ex, "Storing {Count} audit entries failed (attempt {Attempt}); retrying.", batch.Count, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)), CancellationToken.None);
            }
        }
    }
}
