using TicketHub.Domain.Tickets;

namespace TicketHub.Tests.Domain;

public sealed class StockBucketsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(249, 1)]
    [InlineData(500, 2)]
    [InlineData(501, 2)]
    [InlineData(1_003, 4)]
    [InlineData(1_000, 4)]
    [InlineData(20_000, 16)]
    [InlineData(100_000, 16)]
    public void A_lot_is_split_into_buckets_by_size_and_the_buckets_add_up_to_the_lot(int tickets, int buckets)
    {
        var split = StockBuckets.Split("lot1", tickets).ToList();

        Assert.Equal(buckets, split.Count);
        Assert.Equal(tickets, split.Sum(b => b.Remaining));
        Assert.True(split.Max(b => b.Remaining) - split.Min(b => b.Remaining) <= 1, "the buckets differ by more than one ticket");
        Assert.Equal(Enumerable.Range(0, buckets), split.Select(b => b.Bucket));
    }

    [Fact]
    public void Starting_buckets_spread_over_every_bucket()
    {
        var starts = Enumerable.Range(0, 2_000).Select(i => StockBuckets.StartFor($"order{i:D6}")).ToHashSet();

        Assert.Equal(Enumerable.Range(0, StockBuckets.MaxBuckets).ToHashSet(), starts);
    }
}
