namespace TicketHub.Domain.Events;

public sealed record AddEventCommand(
    string? VenueId, string? Name, string? Description, DateTimeOffset? StartTime, DateTimeOffset? EndTime,
    string? Currency, IReadOnlyList<string>? PerformerIds);

/// <summary>
/// Filters of view-events. The time window selects events that start within [From, To]; the location filters match
/// the venue's fields whole and case-insensitively.
/// </summary>
public sealed record EventQuery(
    string? VenueId = null, string? PerformerId = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    string? City = null, string? State = null, string? Country = null, string? PostalCode = null);

public sealed record VenueRef(string Id, string Name, string City, string? State, string Country, string? PostalCode);

public sealed record PerformerRef(string Id, string Name);

/// <summary>
/// An event as browsing shows it. <see cref="MinPrice"/> is the cheapest ticket on sale (vendor stock or resale) and
/// <see cref="Available"/> counts both; null and 0 when nothing is on sale.
/// </summary>
public sealed record EventSummary(
    string Id, string Name, string? Description, DateTime StartTime, DateTime EndTime, string Currency,
    VenueRef Venue, IReadOnlyList<PerformerRef> Performers, decimal? MinPrice, int Available);
