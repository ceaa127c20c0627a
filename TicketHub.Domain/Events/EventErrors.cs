using TicketHub.Domain.Common;

namespace TicketHub.Domain.Events;

public static class EventErrors
{
    public static Error NotFound(string id) => CommonErrors.NotFound("Event", id);

    public static Error VenueNotFound(string id) => CommonErrors.NotFound("Venue", id);

    public static Error PerformerNotFound(string id) => CommonErrors.NotFound("Performer", id);

    public static readonly Error NotOwner = CommonErrors.NotOwner("event");

    public static Error PerformerAlreadyAdded(string performerId, string eventId) =>
        new(ErrorCodes.AlreadyExists, $"Performer '{performerId}' already performs at event '{eventId}'.", ErrorKind.Conflict);

    public static Error InPast(string eventId) =>
        new(ErrorCodes.EventInPast, $"Event '{eventId}' has already started.");
}
