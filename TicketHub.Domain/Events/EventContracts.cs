using System.ComponentModel;

namespace TicketHub.Domain.Events;

public sealed record AddEventCommand(
    string? VenueId, string? Name, string? Description, DateTimeOffset? StartTime, DateTimeOffset? EndTime,
    string? Currency, IReadOnlyList<string>? PerformerIds);

/// <summary>
/// Filters of view-events. The time window selects events that start within [From, To]; <see cref="FromDay"/> and
/// <see cref="ToDay"/> select events that start on those days (inclusive) as the calendar reads at each event's venue.
/// <see cref="Upcoming"/> selects events that have not started when the search runs: the pages' default, a filter
/// rather than a From of "now", so that the same page asked again is the same search. The location filters match the
/// venue's fields whole and case-insensitively. <see cref="Text"/> (the storefront's search box) matches a substring
/// of the event, performer or venue name, case-insensitively in any script.
/// </summary>
public sealed record EventQuery(
    string? VenueId = null, string? PerformerId = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    string? City = null, string? State = null, string? Country = null, string? PostalCode = null, string? Text = null,
    DateOnly? FromDay = null, DateOnly? ToDay = null, bool Upcoming = false)
{
    public const int TextMaxLength = 100;

    /// <summary>
    /// A filter longer than the column it compares with can match nothing: it is a bad request, and never becomes a
    /// cache key. Null when the query is valid.
    /// </summary>
    public Common.Error? Validate() => new Common.Validator()
        .MaxLength("venue-id", VenueId, Common.Ids.MaxLength)
        .MaxLength("performer-id", PerformerId, Common.Ids.MaxLength)
        .MaxLength("city", City, Venues.VenueRules.NameMaxLength)
        .MaxLength("state", State, Venues.VenueRules.NameMaxLength)
        .MaxLength("country", Country, Venues.VenueRules.NameMaxLength)
        .MaxLength("postal-code", PostalCode, Venues.VenueRules.PostalCodeMaxLength)
        .MaxLength("q", Text, TextMaxLength)
        .ToError();
}

[ImmutableObject(true)]
public sealed record VenueRef(string Id, string Name, string City, string? State, string Country, string? PostalCode, string TimeZone);

[ImmutableObject(true)]
public sealed record PerformerRef(string Id, string Name);

/// <summary>
/// An event as browsing shows it. <see cref="MinPrice"/> is the cheapest ticket on sale (vendor stock or resale) and
/// <see cref="Available"/> counts both; null and 0 when nothing is on sale. <see cref="Capacity"/> is what the vendors
/// put on sale (uploaded less removed).
/// </summary>
[ImmutableObject(true)]
public sealed record EventSummary(
    string Id, string Name, string? Description, DateTime StartTime, DateTime EndTime, string Currency,
    VenueRef Venue, IReadOnlyList<PerformerRef> Performers, decimal? MinPrice, int Available, int Capacity)
{
    /// <summary>Less than a fifth of the vendor's tickets are left.</summary>
    public bool SellingFast => IsSellingFast(Available, Capacity);

    public bool SoldOut => IsSoldOut(Available, Capacity);

    internal static bool IsSellingFast(int available, int capacity) => available > 0 && capacity > 0 && available * 5 < capacity;

    internal static bool IsSoldOut(int available, int capacity) => capacity > 0 && available == 0;
}

/// <summary>A city with upcoming events, for browsing by location.</summary>
[ImmutableObject(true)]
public sealed record CityCount(string City, string? State, string Country, int Events);

[ImmutableObject(true)]
public sealed record PerformerPopularity(string Id, string Name, int UpcomingEvents);
