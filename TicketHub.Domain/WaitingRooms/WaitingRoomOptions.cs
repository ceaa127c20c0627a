namespace TicketHub.Domain.WaitingRooms;

public sealed class WaitingRoomOptions
{
    public const string Section = "WaitingRoom";

    /// <summary>
    /// Visitors let in per second per event. Each admitted buyer makes about one purchase; the flash-sale bench sustained
    /// 330 purchases/s on PostgreSQL (docs/architecture.md), so the default leaves the database room for everything else.
    /// </summary>
    public double AdmitPerSecond { get; set; } = 50;

    /// <summary>How long a pass lets its holder buy after admission.</summary>
    public int PassMinutes { get; set; } = 10;

    /// <summary>Once everyone waiting is in, the queue comes back while the event sells more than this many tickets a minute.</summary>
    public int QueueAbovePurchasesPerMinute { get; set; } = 600;

    /// <summary>How often each node's ticker opens rooms and raises admissions (only one node wins each raise).</summary>
    public double TickSeconds { get; set; } = 1;
}
