using System.ComponentModel;

namespace TicketHub.Domain.WaitingRooms;

/// <summary>Where a visitor stands, as join-queue answers it.</summary>
public static class QueueStatuses
{
    /// <summary>No queue for this event now: buy without a pass.</summary>
    public const string NotQueued = "not_queued";

    /// <summary>In the queue; <c>position</c> is null until the start draws the order of early arrivals.</summary>
    public const string Waiting = "waiting";

    /// <summary>Your turn: buy with <c>pass</c> before <c>passExpiresAt</c>.</summary>
    public const string Admitted = "admitted";
}

/// <summary>
/// A visitor's place: <see cref="Position"/> counts from 1 for the next one in (null before the draw);
/// <see cref="Waiting"/> is how many are waiting in all; <see cref="OpensAt"/> is null when the event has no queue;
/// <see cref="Pass"/> is set once admitted.
/// </summary>
public sealed record QueueStatus(
    string EventId, string Status, int? Position, int Waiting, DateTime? OpensAt, string? Pass, DateTime? PassExpiresAt);

/// <summary>The state of one waiting room, as every visitor's page is pushed it.</summary>
[ImmutableObject(true)]
public sealed record QueueProgress(
    string EventId, bool Open, DateTime OpensAt, int EarlyArrivals, int LastPosition, int AdmittedThrough, bool PassRequired)
{
    /// <summary>How many are still waiting to be let in.</summary>
    public int Waiting => Open ? LastPosition - AdmittedThrough : EarlyArrivals;

    internal static QueueProgress From(WaitingRoom r) =>
        new(r.EventId, r.State == WaitingRoomState.Open, r.OpensAtUtc, r.EarlyArrivals, r.LastPosition, r.AdmittedThrough, r.PassRequired);
}

/// <summary>A visitor's standing as their waiting-room page follows it: the status, and their place number (null before the draw).</summary>
public sealed record QueueVisit(QueueStatus Status, int? Place)
{
    /// <summary>
    /// Where the visitor stands once the room has moved on to <paramref name="progress"/>: their position (null while the
    /// order is still to be drawn), or AskAgain when only the service can say (the draw has placed them, their turn has
    /// come, or a queue now stands between them and buying).
    /// </summary>
    public (bool AskAgain, int? Position) After(QueueProgress progress) => Status.Status switch
    {
        QueueStatuses.Waiting when !progress.Open => (false, null),
        QueueStatuses.Waiting when Place is { } place && place > progress.AdmittedThrough => (false, place - progress.AdmittedThrough),
        QueueStatuses.Waiting => (true, null),
        QueueStatuses.NotQueued => (progress.PassRequired, null),
        _ => (false, Status.Position),
    };
}
