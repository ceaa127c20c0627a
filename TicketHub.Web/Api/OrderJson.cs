using TicketHub.Domain.Orders;

namespace TicketHub.Web.Api;

/// <summary>
/// Orders as the REST contract carries them (docs/api.md): the domain's records with the status as its lower-case word
/// (pending, paid or failed). The pages take the domain's records and their <see cref="OrderStatus"/> as they are. The
/// records are nested so the OpenAPI document names them OrderSummary and OrderDetails, as it always has.
/// </summary>
public static class OrderJson
{
    public sealed record OrderSummary(
        string OrderId, string TicketId, string? ListingId, int Count, decimal Amount, string Currency, string Status);

    public sealed record OrderDetails(
        string OrderId, string EventId, string EventName, DateTime StartTime, string VenueName, string TicketId, string? ListingId,
        string? Section, string Seat, int Count, decimal UnitPrice, decimal Amount, string Currency, string Status, DateTime CreatedAt,
        DateTime UpdatedAt, string? FailureCode);

    /// <summary>Every status word the contract knows.</summary>
    public static readonly string[] StatusWords = Enum.GetValues<OrderStatus>().Select(Word).ToArray();

    public static string Word(OrderStatus status) => status.ToString().ToLowerInvariant();

    public static OrderSummary From(Domain.Orders.OrderSummary o) =>
        new(o.OrderId, o.TicketId, o.ListingId, o.Count, o.Amount, o.Currency, Word(o.Status));

    public static OrderDetails From(Domain.Orders.OrderDetails o) =>
        new(o.OrderId, o.EventId, o.EventName, o.StartTime, o.VenueName, o.TicketId, o.ListingId, o.Section, o.Seat, o.Count,
            o.UnitPrice, o.Amount, o.Currency, Word(o.Status), o.CreatedAt, o.UpdatedAt, o.FailureCode);
}
