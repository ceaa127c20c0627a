using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketHub.Domain.WaitingRooms;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Api;

/// <summary>The waiting room of a queued on-sale, as an API buyer meets it.</summary>
public static class WaitingRoomApi
{
    public static RouteGroupBuilder MapWaitingRoomApi(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("/join-queue", JoinQueueAsync).WithName("join-queue").RequireAuthorization(Policies.Individual)
            .WithSummary("Join an event's waiting room, or ask where you stand; admitted, the answer carries the pass buy-ticket needs")
            .WithDescription("Joining again keeps your place. Before the on-sale starts, everyone who joins is put in a random order at the " +
                             "start; later arrivals queue in the order they come. status not_queued means no pass is needed now.");
        return tickets;
    }

    private static async Task<Results<Ok<QueueStatus>, ProblemHttpResult>> JoinQueueAsync(
        [FromQuery(Name = "event-id")] string? eventId, ClaimsPrincipal user, WaitingRoomService waitingRooms, CancellationToken ct)
    {
        var result = await waitingRooms.JoinAsync(user.GetUserId(), eventId, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
