using TicketHub.Domain.Common;

namespace TicketHub.Domain.Tickets;

public static class TicketErrors
{
    public static Error NotFound(string id) => CommonErrors.NotFound("Ticket", id);

    public static readonly Error NotOwner = CommonErrors.NotOwner("ticket lot");

    public static Error SoldOut(string id) => new(ErrorCodes.SoldOut, $"Ticket '{id}' is sold out.");

    public static Error InsufficientQuantity(int available) =>
        new(ErrorCodes.InsufficientQuantity, available == 1 ? "Only 1 ticket is available." : $"Only {available} tickets are available.");
}
