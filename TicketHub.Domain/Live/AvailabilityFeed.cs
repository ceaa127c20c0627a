using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Tickets;

namespace TicketHub.Domain.Live;

/// <summary>What is on sale for an event right now, as every open page of it shows it.</summary>
public sealed record EventAvailability(EventListings Listings, int Capacity)
{
    public string EventId => Listings.EventId;

    /// <summary>Tickets on sale, vendor stock and resale together (as <c>EventSummary.Available</c> counts them).</summary>
    public int Available => Listings.Primary.Sum(p => p.Available) + Listings.Resale.Sum(r => r.Count);

    /// <summary>The cheapest ticket on sale, or null when nothing is.</summary>
    public decimal? MinPrice =>
        Listings.Primary.Where(p => p.Available > 0).Select(p => (decimal?)p.Price)
            .Concat(Listings.Resale.Where(r => r.Count > 0).Select(r => (decimal?)r.Price))
            .Min();

    /// <summary>An event's summary (as browse cards show it) with this fresher availability.</summary>
    public Events.EventSummary Refresh(Events.EventSummary summary) =>
        summary with { Available = Available, MinPrice = MinPrice, Capacity = Capacity };

    /// <summary>How many are left of one lot (no listing) or one resale listing of it; 0 when it is gone.</summary>
    public int AvailableOf(string ticketId, string? listingId) => listingId is null
        ? Listings.Primary.FirstOrDefault(p => p.TicketId == ticketId)?.Available ?? 0
        : Listings.Resale.FirstOrDefault(r => r.ListingId == listingId)?.Count ?? 0;
}

/// <summary>
/// Pushes an event's availability to its open event pages, browse cards and checkouts whenever its stock or listings
/// change (any write that invalidates the event's cached availability announces it: see <c>CatalogCache</c>).
/// </summary>
public sealed class AvailabilityFeed(
    LiveSignals signals, IServiceScopeFactory scopes, TimeProvider clock, IOptions<LiveOptions> options, ILogger<AvailabilityFeed> logger)
    : LiveFeed<EventAvailability>(signals, clock, TimeSpan.FromMilliseconds(options.Value.MinIntervalMilliseconds), logger)
{
    protected override string Topic(string id) => LiveTopics.Availability(id);

    protected override async Task<EventAvailability?> LoadAsync(string id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketInventoryService>().AvailabilityNowAsync(id, ct);
    }
}
