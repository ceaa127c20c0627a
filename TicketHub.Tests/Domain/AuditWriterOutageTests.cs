using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TicketHub.Domain.Audit;
using TicketHub.Domain.Data;

namespace TicketHub.Tests.Domain;

/// <summary>
/// While the primary fails over, the audit writer keeps its entries and retries; it must not end, because a
/// background service that throws stops the whole web node (the fault tests saw both nodes stop this way).
/// </summary>
public sealed class AuditWriterOutageTests
{
    [Fact]
    public async Task The_audit_writer_keeps_running_and_retrying_while_the_database_is_away()
    {
        var ct = TestContext.Current.CancellationToken;
        var logger = new RetryWatcher();
        var writer = new AuditWriter(new UnreachablePrimary(), logger);
        await writer.StartAsync(ct);

        writer.Enqueue(new AuditEntry { Id = "a1", AtUtc = DateTime.UtcNow, Action = "test", Outcome = AuditOutcome.Succeeded });
        await Task.WhenAny(logger.Retrying.Task, writer.ExecuteTask!).WaitAsync(ct);   // the first failed attempt, or the end

        Assert.False(writer.ExecuteTask!.IsCompleted, $"the writer ended: {writer.ExecuteTask.Exception?.GetBaseException().Message}");
        await writer.StopAsync(CancellationToken.None);
    }

    // Nothing listens on port 1: every connection attempt fails as during a failover.
    private sealed class UnreachablePrimary : IDbContextFactory<TicketHubDbContext>
    {
        public TicketHubDbContext CreateDbContext() => new PostgresTicketHubDbContext(
            new DbContextOptionsBuilder<PostgresTicketHubDbContext>().UseTicketHubPostgres("Host=127.0.0.1;Port=1;Timeout=2").Options);
    }

    private sealed class RetryWatcher : ILogger<AuditWriter>
    {
        public TaskCompletionSource Retrying { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains("retrying", StringComparison.Ordinal)) Retrying.TrySetResult();
        }
    }
}
