namespace TicketHub.Domain.Resale;

/// <summary>List <see cref="Count"/> tickets of a lot the seller holds; <see cref="Price"/> per ticket defaults to the price paid.</summary>
public sealed record SellCommand(string? TicketId, int? Count, decimal? Price);

public sealed record ListingCreated(string ListingId, string TicketId, int Count, decimal Price)
{
    [System.Text.Json.Serialization.JsonIgnore] public string EventId { get; init; } = "";
}

public sealed record ListingCancelled(string ListingId, int Returned)
{
    [System.Text.Json.Serialization.JsonIgnore] public string EventId { get; init; } = "";
}

public sealed record MyListing(
    string ListingId, string TicketId, string EventId, string EventName, DateTime StartTime, string? Section, string Seat,
    int Count, int Sold, decimal Price, string Currency, ListingStatus Status, string TimeZone);

public sealed record PayoutView(
    string ListingId, string OrderId, string EventName, int Count, decimal Amount, string Currency, DateTime CreatedAt, string TimeZone);
