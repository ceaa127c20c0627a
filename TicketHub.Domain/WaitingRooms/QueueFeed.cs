using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Data;
using TicketHub.Domain.Live;

namespace TicketHub.Domain.WaitingRooms;

/// <summary>
/// Pushes a waiting room's progress to every visitor's page on this node: one read of the room per change, from which
/// each page works out its own place (its number less those let in).
/// </summary>
public sealed class QueueFeed(
    LiveSignals signals, IDbContextFactory<TicketHubDbContext> dbFactory, TimeProvider clock, IOptions<LiveOptions> options, ILogger<QueueFeed> logger)
    : LiveFeed<QueueProgress>(signals, clock, TimeSpan.FromMilliseconds(options.Value.MinIntervalMilliseconds), logger)
{
    protected override string Topic(string id) => LiveTopics.Queue(id);

    protected override async Task<QueueProgress?> LoadAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var room = await db.WaitingRooms.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == id, ct);
        return room is null ? null : QueueProgress.From(room);
    }
}
