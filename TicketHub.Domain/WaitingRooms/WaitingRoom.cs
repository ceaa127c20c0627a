namespace TicketHub.Domain.WaitingRooms;

public enum WaitingRoomState
{
    /// <summary>Before the on-sale: arrivals are drawn into a random order when it opens.</summary>
    Waiting,

    /// <summary>Places are fixed; later arrivals queue behind in the order they come.</summary>
    Open,
}

/// <summary>
/// A queued on-sale of one event. Places are numbered from 1; everyone up to <see cref="AdmittedThrough"/> has been
/// let in, and the admissions ticker raises it at the configured rate. All of it lives in the database, so every web
/// node sees the same queue.
/// </summary>
public sealed class WaitingRoom
{
    public string EventId { get; set; } = "";
    public DateTime OpensAtUtc { get; set; }
    public WaitingRoomState State { get; set; }

    /// <summary>How many joined before the start (their order is drawn at the opening).</summary>
    public int EarlyArrivals { get; set; }

    /// <summary>The last place handed out.</summary>
    public int LastPosition { get; set; }

    /// <summary>Every place up to this one is admitted.</summary>
    public int AdmittedThrough { get; set; }

    /// <summary>When admissions were last raised: the ticker admits for the time since, and only one node wins each raise.</summary>
    public DateTime AdmittedAtUtc { get; set; }

    /// <summary>Whether buying the event's tickets needs a pass now: before the start, while anyone waits, or while sales run hot.</summary>
    public bool PassRequired { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>One visitor's place in one waiting room.</summary>
public sealed class QueueEntry
{
    public string EventId { get; set; } = "";
    public string UserId { get; set; } = "";

    /// <summary>Random, drawn at arrival: the order of those who arrived before the start.</summary>
    public long DrawKey { get; set; }

    /// <summary>The place; null until the opening numbers the early arrivals.</summary>
    public int? Position { get; set; }

    public DateTime JoinedAtUtc { get; set; }

    /// <summary>When this visitor was first handed a pass; stamped once, and the pass expires a fixed time after it.</summary>
    public DateTime? AdmittedAtUtc { get; set; }
}
