using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Data;
using TicketHub.Domain.WaitingRooms;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.WaitingRooms;

public sealed class QueueApiOnSqlite() : QueueApiTests(DatabaseProvider.Sqlite);
public sealed class QueueApiOnPostgres() : QueueApiTests(DatabaseProvider.Postgres);

/// <summary>The waiting room through REST, with the app's own ticker letting visitors in: no skipping the queue.</summary>
public abstract class QueueApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    public sealed record QueueBody(string EventId, string Status, int? Position, int Waiting, string? Pass, DateTime? PassExpiresAt);

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["WaitingRoom:TickSeconds"] = "0.2" };

    [Fact]
    public async Task Before_the_start_a_bot_without_a_pass_is_refused_and_a_fan_who_waits_buys_with_the_pass()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 50);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await using var db = App.Database.CreateContext();
            var vendorId = db.Events.Where(e => e.Id == eventId).Select(e => e.VendorId).Single();
            var opensAt = DateTimeOffset.UtcNow.AddSeconds(2);
            var room = await scope.ServiceProvider.GetRequiredService<WaitingRoomService>().ScheduleAsync(vendorId, eventId, opensAt, Ct);
            Assert.True(room.IsSuccess, room.Error?.Message);
        }
        var bot = await IndividualAsync("bot1");
        var fan = await IndividualAsync("fan1");

        var skipped = await BuyAsync(bot, lot, 1);
        Assert.Equal("queue_pass_required", (await skipped.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);

        var status = await JoinAsync(fan, eventId);   // before the start: in, the order to be drawn
        Assert.Equal((QueueStatuses.Waiting, (int?)null), (status.Status, status.Position));
        var waited = Stopwatch.StartNew();
        while (status.Status != QueueStatuses.Admitted)
        {
            Assert.Equal(QueueStatuses.Waiting, status.Status);
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The ticker should let the only visitor in within a few ticks.");
            await Task.Delay(100, Ct);
            status = await JoinAsync(fan, eventId);
        }

        var bought = await fan.PostAsJsonAsync("/api/tickets/buy-ticket", new { ticketId = lot, count = 2, queuePass = status.Pass }, Ct);
        await bought.EnsureOkAsync();
        await using (var db = App.Database.CreateContext())
            Assert.Equal(48, db.TicketLotStock.Where(s => s.LotId == lot).Sum(s => s.Remaining));
    }

    [Fact]
    public async Task Joining_the_queue_of_an_event_that_has_none_says_no_pass_is_needed()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var fan = await IndividualAsync("fan1");

        Assert.Equal((QueueStatuses.NotQueued, (string?)null), ((await JoinAsync(fan, eventId)).Status, (await JoinAsync(fan, eventId)).Pass));
        var unknown = await fan.PostAsync("/api/tickets/join-queue?event-id=nope", null, Ct);
        Assert.Equal("not_found", (await unknown.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        var vendorJoins = await vendor.PostAsync($"/api/tickets/join-queue?event-id={eventId}", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, vendorJoins.StatusCode);
    }

    private static async Task<QueueBody> JoinAsync(HttpClient visitor, string eventId) =>
        await (await visitor.PostAsync($"/api/tickets/join-queue?event-id={eventId}", null, Ct)).ReadOkAsync<QueueBody>();
}
