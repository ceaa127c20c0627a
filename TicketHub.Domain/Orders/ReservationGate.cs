namespace TicketHub.Domain.Orders;

public sealed class PurchaseOptions
{
    public const string Section = "Purchases";

    /// <summary>
    /// Queue this process's reservations per stock row (see <see cref="ReservationGate"/>). The race specs turn it
    /// off so that their concurrent requests meet in the database, as several app instances would.
    /// </summary>
    public bool GateHotRows { get; set; } = true;
}

/// <summary>
/// Lets one reservation per stock row (a lot or a listing) into the database at a time from this process; the
/// others wait here, asynchronously, holding no connection and no lock. On PostgreSQL a hot lot otherwise gathers
/// every pooled connection in a queue on its row lock, each blocked transaction also pinning the row in key-share
/// mode for its foreign keys. Correctness never rests on this gate — the conditional update does that, across
/// processes too; the gate only keeps the queue out of the database. Striped, so memory stays bounded.
/// </summary>
internal static class ReservationGate
{
    private static readonly SemaphoreSlim[] Stripes = Enumerable.Range(0, 512).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public static SemaphoreSlim For(string stockKey) =>
        Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(stockKey) % (uint)Stripes.Length)];
}
