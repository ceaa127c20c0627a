using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.WaitingRooms;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.WaitingRooms;

public sealed class WaitingRoomOnSqlite() : WaitingRoomTests(DatabaseProvider.Sqlite);
public sealed class WaitingRoomOnPostgres() : WaitingRoomTests(DatabaseProvider.Postgres);

/// <summary>
/// A queued on-sale, driven step by step with a clock the spec moves: early arrivals drawn into a random order, later
/// ones first come first served, admission at the configured rate, and buying only with one's own pass meanwhile.
/// </summary>
public abstract class WaitingRoomTests(DatabaseProvider provider) : DomainTest(provider)
{
    private const int AdmitPerSecond = 20;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(_clock);
        services.Configure<WaitingRoomOptions>(o =>
        {
            o.AdmitPerSecond = AdmitPerSecond;
            o.QueueAbovePurchasesPerMinute = 600;
        });
    }

    private WaitingRoomService Rooms => Service<WaitingRoomService>();

    /// <summary>An event with plenty of stock whose on-sale is queued from an hour from now.</summary>
    private async Task<(string EventId, string LotId, DateTimeOffset OpensAt)> QueuedOnSaleAsync()
    {
        var vendor = await AccountAsync("vendor1", UserType.Vendor);
        var eventId = await EventAsync(vendor, await VenueAsync(vendor, "UTC"), _clock.GetUtcNow().AddDays(2));
        var lot = await LotAsync(vendor, eventId, 5_000, 10m);
        var opensAt = _clock.GetUtcNow().AddHours(1);
        var room = await Rooms.ScheduleAsync(vendor, eventId, opensAt, Ct);
        Assert.True(room.IsSuccess, room.Error?.Message);
        return (eventId, lot, opensAt);
    }

    private async Task<List<string>> VisitorsAsync(int count, string prefix)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++) ids.Add(await AccountAsync($"{prefix}{i}", UserType.Individual));
        return ids;
    }

    private async Task<QueueStatus> JoinAsync(string userId, string eventId)
    {
        var status = await Rooms.JoinAsync(userId, eventId, Ct);
        Assert.True(status.IsSuccess, status.Error?.Message);
        return status.Value;
    }

    private async Task<Dictionary<string, int>> PositionsAsync(string eventId)
    {
        await using var db = Database.CreateContext();
        return await db.QueueEntries.Where(q => q.EventId == eventId).ToDictionaryAsync(q => q.UserId, q => q.Position!.Value, Ct);
    }

    [Fact]
    public async Task Two_hundred_early_visitors_are_each_admitted_once_in_a_random_order_and_later_ones_in_arrival_order()
    {
        var (eventId, _, opensAt) = await QueuedOnSaleAsync();
        var early = await VisitorsAsync(200, "early");
        var late = await VisitorsAsync(20, "late");

        foreach (var visitor in early)
        {
            var status = await JoinAsync(visitor, eventId);
            Assert.Equal((QueueStatuses.Waiting, (int?)null), (status.Status, status.Position));   // the order is drawn at the start
        }
        Assert.Equal(200, (await JoinAsync(early[0], eventId)).Waiting);
        _clock.SetUtcNow(opensAt.AddSeconds(1));
        foreach (var visitor in late) Assert.Equal(QueueStatuses.Waiting, (await JoinAsync(visitor, eventId)).Status);

        var positions = await PositionsAsync(eventId);
        var earlyPlaces = early.Select(v => positions[v]).ToList();
        Assert.Equal(Enumerable.Range(1, 200), earlyPlaces.Order());
        Assert.Equal(Enumerable.Range(201, 20), late.Select(v => positions[v]));   // first come, first served after the start
        Assert.NotEqual(Enumerable.Range(1, 200), earlyPlaces);
        // A random order is unrelated to the order of arrival: |r| for 200 random places has a standard deviation of about
        // 0.07, so 0.35 is five of them (one spurious failure in millions of runs); an arrival-ordered queue has r = 1.
        Assert.InRange(Correlation(Enumerable.Range(1, 200).Select(i => (double)i).ToList(), earlyPlaces.Select(p => (double)p).ToList()), -0.35, 0.35);

        var everyone = early.Concat(late).ToList();
        var admittedAtStep = new Dictionary<string, int>();
        var passes = new Dictionary<string, DateTime>();
        for (var step = 1; admittedAtStep.Count < everyone.Count; step++)
        {
            Assert.True(step <= 20, "Everyone should be in within 220 / 20 per second = 11 steps.");
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Rooms.TickAsync(Ct);
            foreach (var visitor in everyone)
            {
                var status = await JoinAsync(visitor, eventId);
                if (status.Status != QueueStatuses.Admitted) continue;
                if (passes.TryGetValue(visitor, out var expires))
                {
                    Assert.Equal(expires, status.PassExpiresAt);   // admitted once: the same pass every time it asks
                    continue;
                }
                admittedAtStep[visitor] = step;
                passes[visitor] = status.PassExpiresAt!.Value;
            }
            Assert.True(admittedAtStep.Values.Count(s => s == step) <= AdmitPerSecond, $"Step {step} admitted more than the rate allows.");
        }

        // Admission follows the places: everyone in at a step holds a place before everyone still waiting.
        var byPlace = everyone.OrderBy(v => positions[v]).Select(v => admittedAtStep[v]).ToList();
        Assert.Equal(byPlace.Order(), byPlace);
        await using var db = Database.CreateContext();
        Assert.Equal(220, await db.QueueEntries.CountAsync(q => q.EventId == eventId && q.AdmittedAtUtc != null, Ct));
    }

    [Fact]
    public async Task Buying_needs_ones_own_pass_while_the_queue_is_on()
    {
        var (eventId, lot, opensAt) = await QueuedOnSaleAsync();
        var (ana, ben) = ((await VisitorsAsync(1, "ana"))[0], (await VisitorsAsync(1, "ben"))[0]);
        var purchases = Service<PurchaseService>();

        var noPass = await purchases.BuyAsync(ana, new BuyCommand(lot, 1), Ct);
        Assert.Equal("queue_pass_required", noPass.Error?.Code);

        await JoinAsync(ana, eventId);
        await JoinAsync(ben, eventId);
        _clock.SetUtcNow(opensAt.AddSeconds(1));
        await Rooms.TickAsync(Ct);   // opens: places 1 and 2
        foreach (var visitor in await VisitorsAsync(30, "later")) await JoinAsync(visitor, eventId);   // places 3 to 32
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Rooms.TickAsync(Ct);   // lets 20 in, both of them among them; 12 still wait, so the queue stays on
        var anasPass = (await JoinAsync(ana, eventId)).Pass;
        Assert.NotNull(anasPass);

        Assert.Equal("queue_pass_required", (await purchases.BuyAsync(ben, new BuyCommand(lot, 1, QueuePass: anasPass), Ct)).Error?.Code);
        Assert.Equal("queue_pass_required", (await purchases.BuyAsync(ana, new BuyCommand(lot, 1, QueuePass: anasPass + "x"), Ct)).Error?.Code);
        var paid = await purchases.BuyAsync(ana, new BuyCommand(lot, 1, QueuePass: anasPass), Ct);
        Assert.True(paid.IsSuccess, paid.Error?.Message);

        _clock.Advance(TimeSpan.FromMinutes(11));   // the pass has expired (no tick since: the others still wait)
        Assert.Equal("queue_pass_required", (await purchases.BuyAsync(ana, new BuyCommand(lot, 1, QueuePass: anasPass), Ct)).Error?.Code);
    }

    [Fact]
    public async Task Once_everyone_waiting_is_in_buying_needs_no_pass_until_sales_run_hot_again()
    {
        var (eventId, lot, opensAt) = await QueuedOnSaleAsync();
        var visitors = await VisitorsAsync(3, "fan");
        foreach (var visitor in visitors) await JoinAsync(visitor, eventId);
        _clock.SetUtcNow(opensAt.AddSeconds(1));
        await Rooms.TickAsync(Ct);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Rooms.TickAsync(Ct);   // all three in, nobody waiting, no sales: the queue is off
        Assert.False((await Rooms.ProgressAsync(eventId, Ct))!.PassRequired);

        var purchases = Service<PurchaseService>();
        foreach (var visitor in visitors)
            Assert.True((await purchases.BuyAsync(visitor, new BuyCommand(lot, 1), Ct)).IsSuccess);
        Assert.Equal(QueueStatuses.NotQueued, (await JoinAsync((await VisitorsAsync(1, "calm"))[0], eventId)).Status);

        Service<Microsoft.Extensions.Options.IOptions<WaitingRoomOptions>>().Value.QueueAbovePurchasesPerMinute = 6;   // one sale per 10 s
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Rooms.TickAsync(Ct);

        Assert.True((await Rooms.ProgressAsync(eventId, Ct))!.PassRequired);
        var newcomer = (await VisitorsAsync(1, "late"))[0];
        Assert.Equal("queue_pass_required", (await purchases.BuyAsync(newcomer, new BuyCommand(lot, 1), Ct)).Error?.Code);
        Assert.Equal(QueueStatuses.Waiting, (await JoinAsync(newcomer, eventId)).Status);
    }

    [Fact]
    public async Task Two_nodes_ticking_at_the_same_moment_let_in_one_steps_worth()
    {
        var (eventId, _, opensAt) = await QueuedOnSaleAsync();
        foreach (var visitor in await VisitorsAsync(60, "fan")) await JoinAsync(visitor, eventId);
        _clock.SetUtcNow(opensAt.AddSeconds(1));
        await Rooms.TickAsync(Ct);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var ticks = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Rooms.TickAsync(Ct))).ToList();
        await Task.WhenAll(ticks);

        var progress = await Rooms.ProgressAsync(eventId, Ct);
        Assert.Equal(AdmitPerSecond, progress!.AdmittedThrough);
        Assert.Equal(1, ticks.Sum(t => t.Result));
    }

    [Fact]
    public async Task A_vendor_cannot_queue_another_vendors_event_nor_start_it_after_the_event()
    {
        var (eventId, _, _) = await QueuedOnSaleAsync();
        var other = await AccountAsync("vendor2", UserType.Vendor);

        Assert.Equal("not_owner", (await Rooms.ScheduleAsync(other, eventId, _clock.GetUtcNow().AddHours(1), Ct)).Error?.Code);
        await using var db = Database.CreateContext();
        var owner = await db.Events.Where(e => e.Id == eventId).Select(e => e.VendorId).FirstAsync(Ct);
        Assert.Equal("validation_failed", (await Rooms.ScheduleAsync(owner, eventId, _clock.GetUtcNow().AddDays(3), Ct)).Error?.Code);
    }

    private static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }
}
