namespace TicketHub.Tests.Support;

/// <summary>
/// The real clock moved forward on demand: lets a spec reach a time (an event that has started) without sleeping; or
/// stopped at one instant, for a spec about a boundary (the very moment an event starts).
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;
    private long _frozenTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>From now on the clock reads <paramref name="at"/> (moved by <see cref="Advance"/>) until it is frozen elsewhere.</summary>
    public void Freeze(DateTimeOffset at)
    {
        Interlocked.Exchange(ref _offsetTicks, 0);
        Interlocked.Exchange(ref _frozenTicks, at.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow()
    {
        var frozen = Interlocked.Read(ref _frozenTicks);
        var now = frozen == 0 ? System.GetUtcNow() : new DateTimeOffset(frozen, TimeSpan.Zero);
        return now + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
    }
}
