using TicketHub.Domain.Common;

namespace TicketHub.Domain.ETickets;

public static class ETicketErrors
{
    public static Error NotFound(string unitId) => CommonErrors.NotFound("Ticket", unitId);
}
