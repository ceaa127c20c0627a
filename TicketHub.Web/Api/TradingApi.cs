using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Web.Api.OpenApi;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Api;

/// <summary>Vendor stock, buying and resale: the trading part of TicketService.</summary>
public static class TradingApi
{
    public sealed record BuyTicketRequest(string? TicketId, int? Count, string? ListingId, string? PaymentMethod, string? QueuePass = null);

    public static RouteGroupBuilder MapTradingApi(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/view-tickets", ViewTicketsAsync).WithName("view-tickets")
            .WithSummary("Individuals: the tickets they hold; vendors: the lots they uploaded");
        tickets.MapPut("/upload-ticket", UploadTicketAsync).WithName("upload-ticket").RequireAuthorization(Policies.Vendor)
            .WithSummary("Upload a lot of tickets for an event the vendor created (count 1–100000, price ≥ 0)");
        tickets.MapDelete("/remove-ticket", RemoveTicketAsync).WithName("remove-ticket").RequireAuthorization(Policies.Vendor)
            .WithSummary("Remove unsold tickets of a lot the vendor uploaded (all unsold when count is absent)");
        tickets.MapGet("/view-listings", ViewListingsAsync).WithName("view-listings")
            .Produces<EventListings>().ConditionalGet()
            .WithSummary("What is on sale for an event: vendor lots and resale listings, cheapest first");
        tickets.MapPost("/buy-ticket", BuyTicketAsync).WithName("buy-ticket").RequireAuthorization(Policies.Individual)
            .WithSummary("Buy tickets from vendor stock, or from a resale listing with listingId")
            .WithDescription("At most 10 tickets per event per buyer over all purchases. paymentMethod defaults to pm_card_visa. " +
                             "An Idempotency-Key header makes a retried request answer with the first order and charge once: 200 when it " +
                             "is paid, 202 while its payment is still pending, 400 payment_declined when it failed. 503 payment_unavailable " +
                             "when the payment provider does not answer: the order stays pending and is settled within minutes; replay " +
                             "the same Idempotency-Key, or read view-orders, to learn how it ended. While the event's on-sale is queued, " +
                             "queuePass must be the pass join-queue gave the caller (else 403 queue_pass_required).")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        tickets.MapPost("/sell-ticket", SellTicketAsync).WithName("sell-ticket").RequireAuthorization(Policies.Individual)
            .WithSummary("List held tickets for resale at no more than the price paid (default: the price paid)");
        tickets.MapDelete("/cancel-listing", CancelListingAsync).WithName("cancel-listing").RequireAuthorization(Policies.Individual)
            .WithSummary("Take a resale listing off sale; unsold tickets go back to the seller");
        return tickets;
    }

    private static async Task<Results<Ok<IReadOnlyList<HoldingView>>, Ok<IReadOnlyList<VendorLot>>>> ViewTicketsAsync(
        ClaimsPrincipal user, HoldingService holdings, TicketInventoryService inventory, CancellationToken ct) =>
        user.IsInRole(Roles.Vendor)
            ? TypedResults.Ok(await inventory.VendorLotsAsync(user.GetUserId(), ct: ct))
            : TypedResults.Ok(await holdings.HoldingsAsync(user.GetUserId(), ct));

    private static async Task<Results<Ok<IdResponse>, ProblemHttpResult>> UploadTicketAsync(
        UploadTicketCommand body, ClaimsPrincipal user, TicketInventoryService inventory, CancellationToken ct)
    {
        var result = await inventory.UploadAsync(user.GetUserId(), body, ct);
        return result.IsSuccess ? TypedResults.Ok(new IdResponse(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<RemovedTickets>, ProblemHttpResult>> RemoveTicketAsync(
        [FromQuery(Name = "ticket-id")] string? ticketId, [FromQuery(Name = "count")] int? count,
        ClaimsPrincipal user, TicketInventoryService inventory, CancellationToken ct)
    {
        var result = await inventory.RemoveAsync(user.GetUserId(), ticketId, count, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<IResult> ViewListingsAsync(
        [FromQuery(Name = "event-id")] string? eventId, TicketInventoryService inventory, CachedJson json, HttpContext http, CancellationToken ct)
    {
        var result = await inventory.EventListingsAsync(eventId, ct);
        return result.IsSuccess ? json.Ok(result.Value, http) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<OrderJson.OrderSummary>, Accepted<OrderJson.OrderSummary>, ProblemHttpResult>> BuyTicketAsync(
        BuyTicketRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, PurchaseService purchases, CancellationToken ct)
    {
        var command = new BuyCommand(body.TicketId, body.Count, body.ListingId, body.PaymentMethod, idempotencyKey, body.QueuePass);
        var result = await purchases.BuyAsync(user.GetUserId(), command, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        // A replayed key whose payment has not ended yet: accepted, not done; the Location is where to poll.
        var order = OrderJson.From(result.Value);
        return result.Value.Status == OrderStatus.Pending
            ? TypedResults.Accepted(OrdersApi.OrderLocation(order.OrderId), order)
            : TypedResults.Ok(order);
    }

    private static async Task<Results<Ok<ListingCreated>, ProblemHttpResult>> SellTicketAsync(
        SellCommand body, ClaimsPrincipal user, ResaleService resale, CancellationToken ct)
    {
        var result = await resale.SellAsync(user.GetUserId(), body, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ListingCancelled>, ProblemHttpResult>> CancelListingAsync(
        [FromQuery(Name = "listing-id")] string? listingId, ClaimsPrincipal user, ResaleService resale, CancellationToken ct)
    {
        var result = await resale.CancelAsync(user.GetUserId(), listingId, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
