using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Data;
using TicketHub.Domain.ETickets;

namespace TicketHub.Domain.Live;

/// <summary>How many have come in, pushed to the event's check-in pages after every admission (any door, any node).</summary>
public sealed class EntryFeed(
    LiveSignals signals, IDbContextFactory<TicketHubDbContext> dbFactory, TimeProvider clock, IOptions<LiveOptions> options, ILogger<EntryFeed> logger)
    : LiveFeed<EntryCount>(signals, clock, TimeSpan.FromMilliseconds(options.Value.MinIntervalMilliseconds), logger)
{
    protected override string Topic(string id) => LiveTopics.Entries(id);

    protected override async Task<EntryCount?> LoadAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entered = await db.TicketUnits.CountAsync(u => u.EventId == id && u.CheckedInAtUtc != null, ct);
        return new EntryCount(id, entered, await db.TicketUnits.CountAsync(u => u.EventId == id, ct));
    }
}
