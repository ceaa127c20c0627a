using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Data;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Live;
using TicketHub.Tests.Api;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Live;

public sealed class LiveAcrossNodesOnSqlite() : LiveAcrossNodesTests(DatabaseProvider.Sqlite);
public sealed class LiveAcrossNodesOnPostgres() : LiveAcrossNodesTests(DatabaseProvider.Postgres);

/// <summary>
/// Two web nodes over one database and one Redis: what changes through one reaches the pages open on the other
/// (their feeds), through Redis pub/sub.
/// </summary>
public abstract class LiveAcrossNodesTests(DatabaseProvider provider) : ApiTest(provider)
{
    // Generous: it bounds a wait for the push, never what passes (the push usually lands in milliseconds).
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = RedisCacheTests.Redis,
        ["Cache:KeyPrefix"] = $"live-{Guid.NewGuid():N}:",   // this pair's own channel
    };

    [Fact]
    public async Task A_sale_through_one_node_reaches_an_event_page_open_on_the_other()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);
        await using var nodeB = App.CreateSecondNode();
        var seen = new TaskCompletionSource<EventAvailability>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = nodeB.Services.GetRequiredService<AvailabilityFeed>().Watch(eventId, availability =>
        {
            if (availability.AvailableOf(lot, null) == 7) seen.TrySetResult(availability);
            return Task.CompletedTask;
        });

        await (await BuyAsync(await IndividualAsync(), lot, 3)).EnsureOkAsync();

        Assert.Equal(7, (await seen.Task.WaitAsync(Patience, Ct)).Available);
    }

    [Fact]
    public async Task An_entry_at_one_node_s_door_reaches_the_check_in_page_open_on_the_other()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);
        var fan = await IndividualAsync();
        await (await BuyAsync(fan, lot, 1)).EnsureOkAsync();
        var code = (await (await fan.GetAsync("/api/tickets/view-e-tickets", Ct)).ReadOkAsync<ETicketView[]>()).Single().Code;
        await using var nodeB = App.CreateSecondNode();
        var seen = new TaskCompletionSource<EntryCount>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = nodeB.Services.GetRequiredService<EntryFeed>().Watch(eventId, count =>
        {
            if (count.Entered == 1) seen.TrySetResult(count);
            return Task.CompletedTask;
        });

        var scan = await vendor.PostAsJsonAsync("/api/tickets/check-in", new { eventId, code }, Ct);

        Assert.Equal(CheckInVerdicts.Valid, (await scan.ReadOkAsync<CheckInResult>()).Verdict);
        Assert.Equal(1, (await seen.Task.WaitAsync(Patience, Ct)).Tickets);
    }
}
