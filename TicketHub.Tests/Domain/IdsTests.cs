using TicketHub.Domain.Common;

namespace TicketHub.Tests.Domain;

/// <summary>Opaque ids: 14 Crockford base32 characters, the clock first so newer ids sort after older ones.</summary>
public sealed class IdsTests
{
    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    [Fact]
    public void An_id_is_fourteen_lower_case_Crockford_characters()
    {
        var id = Ids.New();

        Assert.Equal(14, id.Length);
        Assert.All(id, c => Assert.Contains(c, Crockford));
    }

    [Theory]
    [InlineData(0L, "0000000000")]
    [InlineData(1L, "0000000001")]
    [InlineData(31L, "000000000z")]
    [InlineData(32L, "0000000010")]
    [InlineData(1_767_225_600_000L, "01kdvdna00")]   // 2026-01-01T00:00:00Z
    public void The_first_ten_characters_are_the_millisecond_clock_in_base32(long unixMs, string prefix) =>
        Assert.Equal(prefix, Ids.New(new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(unixMs)))[..10]);

    [Fact]
    public void A_later_id_sorts_after_an_earlier_one()
    {
        var start = DateTimeOffset.Parse("2026-11-30T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var earlier = Ids.New(new FixedClock(start));
        var later = Ids.New(new FixedClock(start.AddMilliseconds(1)));

        Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} does not sort before {later}");
    }

    [Fact]
    public void Ids_made_in_the_same_millisecond_never_repeat()
    {
        var clock = new FixedClock(DateTimeOffset.UnixEpoch);
        var ids = Enumerable.Range(0, 100_000).Select(_ => Ids.New(clock)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Ids_made_at_once_on_many_threads_never_repeat()
    {
        var clock = new FixedClock(DateTimeOffset.UnixEpoch);
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 100_000, _ => ids.Add(Ids.New(clock)));

        Assert.Equal(100_000, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("01kdvdna00abcd")]
    [InlineData("a")]
    [InlineData("123456789012345")]   // 15: the most docs/api.md allows
    public void A_short_plain_string_can_be_an_id(string id) => Assert.True(Ids.CanBe(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1234567890123456")]   // 16
    [InlineData("ab\u0000cd")]
    public void Anything_else_cannot(string? id) => Assert.False(Ids.CanBe(id));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
