using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders.Reservation;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class RacesOnSqlite() : RaceTests(DatabaseProvider.Sqlite);
public sealed class RacesOnPostgres() : RaceTests(DatabaseProvider.Postgres);

/// <summary>Many clients at once through real HTTP; after each race the whole database is audited.</summary>
public abstract class RaceTests(DatabaseProvider provider) : ApiTest(provider)
{
    public sealed record ListingBody(string ListingId);
    public sealed record HoldingBody(int Count);

    private static async Task<HttpResponseMessage[]> AllAtOnceAsync(IEnumerable<Func<Task<HttpResponseMessage>>> requests)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = requests.Select(async send => { await start.WaitAsync(Ct); return await send(); }).ToList();
        start.Release(tasks.Count);
        return await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task Fifty_buyers_for_the_last_five_tickets_leave_exactly_five_sold()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 5);
        var buyers = await IndividualsAsync(50);

        var responses = await AllAtOnceAsync(buyers.Select(b => (Func<Task<HttpResponseMessage>>)(() => BuyAsync(b, lot, 1))));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        await using (var db = App.Database.CreateContext())
            Assert.Equal(0, db.TicketLotStock.Where(s => s.LotId == lot).Sum(s => s.Remaining));
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task A_lot_split_over_stock_buckets_sells_out_exactly_under_a_rush()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 1_000);   // four buckets of 250
        await using (var db = App.Database.CreateContext())
            Assert.Equal(4, db.TicketLotStock.Count(s => s.LotId == lot));
        var buyers = await IndividualsAsync(120);

        // Each buyer keeps buying 1-3 at a time until told it is sold out or its cap is reached; near the end no bucket
        // alone has enough, and purchases take from several.
        var bought = await Task.WhenAll(buyers.Select(async (buyer, i) =>
        {
            var mine = 0;
            for (var n = 1 + i % 3; ; n = 1 + (n + i) % 3)
            {
                var response = await BuyAsync(buyer, lot, Math.Min(n, 10 - mine));
                if (response.StatusCode != HttpStatusCode.OK) return mine;
                mine += Math.Min(n, 10 - mine);
                if (mine == 10) return mine;
            }
        }));

        Assert.Equal(1_000, bought.Sum());
        await using (var db = App.Database.CreateContext())
            Assert.Equal(0, db.TicketLotStock.Where(s => s.LotId == lot).Sum(s => s.Remaining));
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task One_buyer_firing_sixteen_parallel_orders_of_three_ends_with_at_most_ten()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 100);
        var buyer = (await IndividualsAsync(1))[0];

        var responses = await AllAtOnceAsync(Enumerable.Range(0, 16).Select(_ => (Func<Task<HttpResponseMessage>>)(() => BuyAsync(buyer, lot, 3))));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var held = await (await buyer.GetAsync("/api/tickets/view-tickets", Ct)).ReadOkAsync<HoldingBody[]>();
        Assert.Equal(9, held.Sum(h => h.Count));
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task Twenty_buyers_for_a_resale_listing_of_two_leave_exactly_two_sold()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);
        var seller = await IndividualAsync("seller");
        await (await BuyAsync(seller, lot, 2)).EnsureOkAsync();
        var listing = await (await SellAsync(seller, lot, 2)).ReadOkAsync<ListingBody>();
        var buyers = await IndividualsAsync(20);

        var responses = await AllAtOnceAsync(buyers.Select(b => (Func<Task<HttpResponseMessage>>)(() => BuyAsync(b, lot, 1, listing.ListingId))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }
}

/// <summary>
/// The control: the statement production runs on PostgreSQL, with its guards taken out (a read-then-write in place of
/// the conditional, relative decrement), oversells in the same race, and the audit says so — which shows the race specs
/// above can fail. PostgreSQL only: SQLite runs write units one batch at a time (BEGIN IMMEDIATE), so even a racy
/// reservation cannot interleave there.
/// </summary>
public sealed class RaceControlOnPostgres() : ApiTest(DatabaseProvider.Postgres)
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IStockReservation>(sp => new RacyLotReservation(
            (PostgresLotReservation)ActivatorUtilities.CreateInstance(sp, typeof(PostgresLotReservation)),
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<TicketHubDbContext>>())));

    [Fact]
    public async Task Without_the_guards_the_production_statement_oversells_and_the_audit_catches_it()
    {
        Assert.True(RacyLotReservation.StatementHasTheGuards, "the production statement changed: the control no longer removes its guards");
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 5);
        var buyers = await IndividualsAsync(50);
        using var start = new SemaphoreSlim(0);
        var tasks = buyers.Select(async b => { await start.WaitAsync(Ct); return await BuyAsync(b, lot, 1); }).ToList();
        start.Release(tasks.Count);

        var responses = await Task.WhenAll(tasks);

        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) > 5, "the racy reservation should have sold more than the stock");
        Assert.NotEmpty(await InvariantAudit.RunAsync(App.Database));
    }
}
