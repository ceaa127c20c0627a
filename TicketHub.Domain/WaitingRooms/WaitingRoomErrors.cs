using TicketHub.Domain.Common;

namespace TicketHub.Domain.WaitingRooms;

public static class WaitingRoomErrors
{
    public static readonly Error PassRequired = new(ErrorCodes.QueuePassRequired,
        "This on-sale has a waiting room: join the queue (join-queue) and buy with the pass you are given when it is your turn.",
        ErrorKind.Forbidden);

    public static Error OpensTooLate => new Validator().Add("opensAt", "The on-sale must open before the event starts.").ToError()!;

    public static readonly Error AlreadyOpen = new(ErrorCodes.InvalidState, "The waiting room has opened; its start can no longer change.", ErrorKind.Conflict);
}
