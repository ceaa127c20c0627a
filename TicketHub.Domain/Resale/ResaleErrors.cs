using TicketHub.Domain.Common;

namespace TicketHub.Domain.Resale;

public static class ResaleErrors
{
    public static readonly Error NothingHeld =
        new(ErrorCodes.NotOwner, "You hold no tickets of this lot; only tickets bought on TicketHub can be resold.", ErrorKind.Forbidden);

    public static Error InsufficientQuantity(int held) =>
        new(ErrorCodes.InsufficientQuantity, held == 1 ? "You hold only 1 ticket of this lot." : $"You hold only {held} tickets of this lot.");

    public static Error PriceAbovePurchase(decimal paid, string currency) =>
        new(ErrorCodes.PriceAbovePurchase, $"Tickets cannot be resold for more than you paid ({paid:0.##} {currency} each).");

    public static Error NotFound(string id) => CommonErrors.NotFound("Listing", id);

    public static readonly Error NotOwner = CommonErrors.NotOwner("listing");
}
